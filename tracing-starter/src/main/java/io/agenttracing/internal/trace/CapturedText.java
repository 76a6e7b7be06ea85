package io.agenttracing.internal.trace;

import org.jspecify.annotations.Nullable;

/**
 * How recorded text is bounded, masked and marked, in one place for the engine and the
 * capturer: what a hidden secret reads as, how a cut says how much was cut, how far past
 * a cut masking looks, and how text is escaped in a JSON string.
 */
public final class CapturedText {

	/** What a hidden secret reads as. */
	public static final String REDACTED = "[REDACTED]";

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
	 * The escape of {@code c} inside a JSON string, or {@code null} when it stands for
	 * itself.
	 */
	public static @Nullable String jsonEscape(char c) {
		if (c >= 0x20 && c != '"' && c != '\\') {
			return null;
		}
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
