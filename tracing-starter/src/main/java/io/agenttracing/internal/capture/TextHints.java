package io.agenttracing.internal.capture;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Finds, in one pass over a text, which of a few rules' literal hints it contains, and
 * whether it holds the characters that JSON keys and {@code name=value} pairs need.
 * Before this, each hint of each rule and each character was a search of its own: twenty
 * passes over every captured string.
 */
final class TextHints {

	/** The text holds a backslash or a control character. */
	static final long BACKSLASH_OR_CONTROL = 1L << 60;

	/** The text holds a {@code "}. */
	static final long QUOTE = 1L << 61;

	/** The text holds a {@code :}. */
	static final long COLON = 1L << 62;

	/** The text holds both, as JSON text does. */
	static final long QUOTE_AND_COLON = QUOTE | COLON;

	/** The text holds a {@code =}. */
	static final long EQUALS = 1L << 63;

	/** The text holds a character that a JSON string escapes. */
	static final long NEEDS_JSON_ESCAPE = QUOTE | BACKSLASH_OR_CONTROL;

	/** Hints by their first two characters, {@code first * 128 + second}. */
	private final String[][] hintsByPrefix = new String[128 * 128][];

	private final int[][] rulesByPrefix = new int[128 * 128][];

	/**
	 * @param hints for each rule (at most 60), its hints: ASCII literals of two
	 * characters or more
	 */
	TextHints(List<String[]> hints) {
		if (hints.size() > 60) {
			throw new IllegalArgumentException("At most 60 rules have hints, got " + hints.size());
		}
		for (int rule = 0; rule < hints.size(); rule++) {
			for (String hint : hints.get(rule)) {
				if (hint.length() < 2 || hint.charAt(0) >= 128 || hint.charAt(1) >= 128) {
					throw new IllegalArgumentException("Hints are ASCII, two characters or more, got " + hint);
				}
				int prefix = hint.charAt(0) * 128 + hint.charAt(1);
				this.hintsByPrefix[prefix] = append(this.hintsByPrefix[prefix], hint);
				int[] rules = this.rulesByPrefix[prefix];
				int[] grown = (rules != null) ? Arrays.copyOf(rules, rules.length + 1) : new int[1];
				grown[grown.length - 1] = rule;
				this.rulesByPrefix[prefix] = grown;
			}
		}
	}

	/**
	 * Bit {@code i} set when a hint of rule {@code i} occurs in {@code text}, with
	 * {@link #QUOTE}, {@link #COLON} and {@link #EQUALS} for those characters.
	 */
	long scan(String text) {
		long found = 0;
		int length = text.length();
		char next = (length > 0) ? text.charAt(0) : 0;
		for (int i = 0; i < length; i++) {
			char c = next;
			next = (i + 1 < length) ? text.charAt(i + 1) : 0;
			if (c >= 128) {
				continue;
			}
			if (c == '"') {
				found |= QUOTE;
			}
			else if (c == ':') {
				found |= COLON;
			}
			else if (c == '=') {
				found |= EQUALS;
			}
			else if (c < 0x20 || c == '\\') {
				found |= BACKSLASH_OR_CONTROL;
			}
			if (next >= 128) {
				continue;
			}
			String[] hints = this.hintsByPrefix[c * 128 + next];
			if (hints != null) {
				int[] rules = this.rulesByPrefix[c * 128 + next];
				for (int h = 0; h < hints.length; h++) {
					if (text.startsWith(hints[h], i)) {
						found |= 1L << rules[h];
					}
				}
			}
		}
		return found;
	}

	private static String[] append(String @Nullable [] hints, String hint) {
		String[] grown = (hints != null) ? Arrays.copyOf(hints, hints.length + 1) : new String[1];
		grown[grown.length - 1] = hint;
		return grown;
	}

}
