package io.agenttracing.internal.capture;

import io.agenttracing.internal.trace.CapturedText;

/**
 * Writes JSON text into a buffer that refuses to grow past a limit: the write that would
 * pass it throws {@link Full}, so a value of any size costs no more than its first
 * {@code limit} characters.
 */
final class BoundedJsonWriter {

	/**
	 * Thrown when the limit is reached; shared and without a stack trace, so it costs
	 * nothing.
	 */
	static final class Full extends RuntimeException {

		private static final long serialVersionUID = 1L;

		static final Full INSTANCE = new Full();

		private Full() {
			super("limit reached", null, false, false);
		}

	}

	private final StringBuilder out;

	private int limit;

	BoundedJsonWriter(int capacityHint) {
		this.out = new StringBuilder(Math.min(capacityHint, 256));
		this.limit = Integer.MAX_VALUE;
	}

	/** Lets the buffer grow by at most {@code budget} more characters. */
	void limitTo(int budget) {
		this.limit = this.out.length() + budget;
	}

	void unlimited() {
		this.limit = Integer.MAX_VALUE;
	}

	int length() {
		return this.out.length();
	}

	/** Characters that may still be written before the limit. */
	int remaining() {
		return this.limit - this.out.length();
	}

	/** Forgets everything written after {@code length}. */
	void truncate(int length) {
		this.out.setLength(length);
	}

	String substring(int start) {
		return this.out.substring(start);
	}

	BoundedJsonWriter raw(char c) {
		if (this.out.length() >= this.limit) {
			throw Full.INSTANCE;
		}
		this.out.append(c);
		return this;
	}

	BoundedJsonWriter raw(String text) {
		int room = this.limit - this.out.length();
		if (text.length() > room) {
			this.out.append(text, 0, Math.max(room, 0));
			throw Full.INSTANCE;
		}
		this.out.append(text);
		return this;
	}

	/** A JSON string literal, escaped; runs of plain characters are copied in bulk. */
	BoundedJsonWriter string(CharSequence text) {
		raw('"');
		int length = text.length();
		int run = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (!CapturedText.needsJsonEscape(c)) {
				continue;
			}
			copy(text, run, i);
			raw(CapturedText.jsonEscape(c));
			run = i + 1;
		}
		copy(text, run, length);
		return raw('"');
	}

	private void copy(CharSequence text, int from, int to) {
		int room = this.limit - this.out.length();
		if (to - from > room) {
			this.out.append(text, from, from + Math.max(room, 0));
			throw Full.INSTANCE;
		}
		this.out.append(text, from, to);
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

}
