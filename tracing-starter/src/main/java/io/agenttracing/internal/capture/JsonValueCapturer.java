package io.agenttracing.internal.capture;

import io.agenttracing.internal.trace.CapturedText;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.agenttracing.internal.trace.ValueCapturer;
import org.jspecify.annotations.Nullable;

/**
 * Captures values as bounded, redacted JSON, written directly by walking the value:
 * <ul>
 * <li>writing stops once {@code maxValueLength} characters are written, so a 1 MB
 * argument costs what a {@code maxValueLength} one does; a value cut short becomes a JSON
 * string of its first characters that says it was truncated;</li>
 * <li>the value of a key that names a secret (a parameter, field or map key) is replaced
 * as it is written, and secret-looking text is masked in every string
 * ({@link SecretRedactor});</li>
 * <li>objects are read through their fields, never their getters, so capture runs no user
 * code; records are read through their components' fields;</li>
 * <li>values that reading would consume or block (streams, iterators,
 * {@code DirectoryStream}s, I/O, futures, servlet and reactive types, {@code Iterable}s
 * that are not collections) become a placeholder without being touched, at any
 * depth;</li>
 * <li>HTTP headers are written only for the header names listed as allowed;</li>
 * <li>cycles and nesting deeper than {@value #MAX_DEPTH} become placeholders.</li>
 * </ul>
 * Capture never throws: a value that cannot be read becomes a placeholder.
 */
public final class JsonValueCapturer implements ValueCapturer {

	/** Nesting deeper than this is written as a placeholder. */
	static final int MAX_DEPTH = 32;

	static final String REDACTED = SecretRedactor.REDACTED;

	/** Added to text that was cut short. */
	static final String TRUNCATED = CapturedText.TRUNCATED;

	private final int maxValueLength;

	private final SecretRedactor redactor;

	private final JsonValueWriter writer;

	/**
	 * @param maxValueLength longest JSON text kept for one value
	 * @param redactor the keys and patterns of secrets
	 * @param allowedHeaders names of HTTP headers that may be captured, ignoring case;
	 * other headers never are
	 */
	public JsonValueCapturer(int maxValueLength, SecretRedactor redactor, Collection<String> allowedHeaders) {
		if (maxValueLength < 16) {
			throw new IllegalArgumentException("maxValueLength must be at least 16, got " + maxValueLength);
		}
		this.maxValueLength = maxValueLength;
		this.redactor = redactor;
		Set<String> headers = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		headers.addAll(allowedHeaders);
		this.writer = new JsonValueWriter(redactor, headers);
	}

	/**
	 * A capturer with the built-in secret keys and patterns, plus
	 * {@code extraRedactKeys}.
	 */
	public JsonValueCapturer(int maxValueLength, Collection<String> extraRedactKeys) {
		this(maxValueLength, SecretRedactor.of(extraRedactKeys, List.of(), List.of()), List.of());
	}

	public SecretRedactor redactor() {
		return this.redactor;
	}

	@Override
	public String capture(@Nullable Object value) {
		if (value instanceof String text && text.length() <= this.maxValueLength) {
			// The most common result, a short text: quoted as it is, without a buffer
			// sized for the longest value.
			String masked = this.redactor.redactText(text);
			if (masked.length() <= this.maxValueLength) {
				return CapturedText.jsonString(masked);
			}
		}
		BoundedJsonWriter json = new BoundedJsonWriter(this.maxValueLength);
		writeBounded(json, value);
		return json.toString();
	}

	@Override
	public String captureArguments(String[] names, @Nullable Object[] values) {
		String text = (names.length == values.length) ? textArguments(names, values) : null;
		if (text != null) {
			return text;
		}
		BoundedJsonWriter json = new BoundedJsonWriter(expectedLength(names, values));
		json.raw('{');
		for (int i = 0; i < names.length && i < values.length; i++) {
			if (i > 0) {
				json.raw(',');
			}
			json.string(names[i]).raw(':');
			if (this.redactor.isSecretKey(names[i])) {
				json.string(REDACTED);
			}
			else {
				writeBounded(json, values[i]);
			}
		}
		return json.raw('}').toString();
	}

	/**
	 * The JSON of up to three arguments that are all short text needing no escape (the
	 * usual prompt, question or id), written in one allocation; {@code null} for any
	 * other arguments, which take the general path.
	 */
	private @Nullable String textArguments(String[] names, @Nullable Object[] values) {
		switch (names.length) {
			case 1 -> {
				String first = plainText(names[0], values[0]);
				return (first != null) ? "{\"" + names[0] + "\":\"" + first + "\"}" : null;
			}
			case 2 -> {
				String first = plainText(names[0], values[0]);
				String second = (first != null) ? plainText(names[1], values[1]) : null;
				return (second != null)
						? "{\"" + names[0] + "\":\"" + first + "\",\"" + names[1] + "\":\"" + second + "\"}" : null;
			}
			case 3 -> {
				String first = plainText(names[0], values[0]);
				String second = (first != null) ? plainText(names[1], values[1]) : null;
				String third = (second != null) ? plainText(names[2], values[2]) : null;
				return (third != null) ? "{\"" + names[0] + "\":\"" + first + "\",\"" + names[1] + "\":\"" + second
						+ "\",\"" + names[2] + "\":\"" + third + "\"}" : null;
			}
			default -> {
				return null;
			}
		}
	}

	/**
	 * A text argument as it is written between quotes (masked, or hidden under a secret
	 * name), or {@code null} when it is not short text free of characters to escape.
	 */
	private @Nullable String plainText(String name, @Nullable Object value) {
		if (!(value instanceof String text) || CapturedText.needsJsonEscape(name)) {
			return null;
		}
		if (this.redactor.isSecretKey(name)) {
			return REDACTED;
		}
		if (text.length() > this.maxValueLength) {
			return null;
		}
		String masked = this.redactor.redactPlainText(text);
		return (masked != null && masked.length() <= this.maxValueLength) ? masked : null;
	}

	/**
	 * About how long the arguments' JSON will be, so the buffer is neither grown nor far
	 * larger than needed: text counts its length, anything else a little.
	 */
	private int expectedLength(String[] names, @Nullable Object[] values) {
		int length = 2;
		for (int i = 0; i < names.length && i < values.length; i++) {
			int value = (values[i] instanceof CharSequence text) ? Math.min(text.length(), this.maxValueLength) + 2
					: 16;
			length += names[i].length() + 4 + value;
		}
		return length;
	}

	/** Whether a key names a secret. */
	public boolean isSecret(String key) {
		return this.redactor.isSecretKey(key);
	}

	@Override
	public boolean isSecretKey(String key) {
		return this.redactor.isSecretKey(key);
	}

	@Override
	public String redactText(String text) {
		return this.redactor.redactText(text);
	}

	/**
	 * Writes one value within {@code maxValueLength} characters; a value that does not
	 * fit is replaced by a string of its first characters that says it was cut.
	 */
	private void writeBounded(BoundedJsonWriter json, @Nullable Object value) {
		int start = json.length();
		if (value instanceof CharSequence text) {
			// Text alone: its length is known, so the mark can say exactly how much was
			// cut.
			json.unlimited();
			this.writer.writeText(json, text.toString(), this.maxValueLength, true);
			return;
		}
		json.limitTo(this.maxValueLength);
		try {
			this.writer.write(json, value, 0, null);
			json.unlimited();
		}
		catch (BoundedJsonWriter.Full full) {
			String written = json.substring(start);
			json.truncate(start);
			json.unlimited();
			json.string(written + TRUNCATED);
		}
	}

}
