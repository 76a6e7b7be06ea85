package io.agenttracing.internal.trace;

/**
 * How recorded text is bounded, masked and marked, in one place for the engine and the
 * capturer: what a hidden secret reads as, how a cut says how much was cut, how far past
 * a cut masking looks, and how text is escaped in a JSON string.
 */
public final class CapturedText {

	/** What a hidden secret reads as. */
	public static final String REDACTED = "[REDACTED]";

	/**
	 * What follows a value cut while it was written, where how much was cut is not known.
	 */
	public static final String TRUNCATED = "...[truncated]";

	/**
	 * Characters past a cut that masking still sees, so that a secret straddling the cut
	 * is recognised and hidden rather than left half visible.
	 */
	public static final int MASK_MARGIN = 256;

	private CapturedText() {
	}

	/** The part of {@code text} that masking looks at when {@code keep} are kept. */
	public static String maskWindow(String text, int keep) {
		return (text.length() > keep + MASK_MARGIN) ? text.substring(0, keep + MASK_MARGIN) : text;
	}

	/** What follows text that was cut, saying how many characters were. */
	public static String truncationMarker(int cutCharacters) {
		return "...[truncated " + cutCharacters + " chars]";
	}

	/**
	 * {@code text} as a JSON string literal. Text with nothing to escape, the common
	 * case, costs one string.
	 */
	public static String jsonString(String text) {
		int length = text.length();
		int i = 0;
		while (i < length && !needsJsonEscape(text.charAt(i))) {
			i++;
		}
		if (i == length) {
			return "\"" + text + "\"";
		}
		StringBuilder quoted = new StringBuilder(length + 16).append('"').append(text, 0, i);
		for (; i < length; i++) {
			char c = text.charAt(i);
			if (needsJsonEscape(c)) {
				quoted.append(jsonEscape(c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	/** Whether some character of {@code text} must be escaped inside a JSON string. */
	public static boolean needsJsonEscape(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (needsJsonEscape(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/** Whether {@code c} must be escaped inside a JSON string. */
	public static boolean needsJsonEscape(char c) {
		return c < 0x20 || c == '"' || c == '\\';
	}

	/**
	 * The escape of {@code c} inside a JSON string, for a character that
	 * {@link #needsJsonEscape needs one}.
	 */
	public static String jsonEscape(char c) {
		return switch (c) {
			case '"' -> "\\\"";
			case '\\' -> "\\\\";
			case '\n' -> "\\n";
			case '\r' -> "\\r";
			case '\t' -> "\\t";
			default -> String.format("\\u%04x", (int) c);
		};
	}

}
