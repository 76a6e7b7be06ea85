package io.agenttracing.internal.capture;

/**
 * Hides the values of secret keys in JSON that is held as text, in one pass and without
 * parsing the whole document: it works on JSON that was cut short, and on JSON embedded
 * in other text. Every {@code "key":} whose key names a secret has its value (a string,
 * number, literal, object or array) replaced by {@code "[REDACTED]"}.
 */
final class JsonKeyRedaction {

	private JsonKeyRedaction() {
	}

	static String redact(String text, SecretRedactor redactor) {
		StringBuilder out = null;
		int copied = 0;
		int i = 0;
		int length = text.length();
		while (i < length) {
			if (text.charAt(i) != '"') {
				i++;
				continue;
			}
			int keyEnd = endOfString(text, i);
			if (keyEnd < 0) {
				break;
			}
			int colon = skipWhitespace(text, keyEnd);
			if (colon >= length || text.charAt(colon) != ':') {
				i = keyEnd;
				continue;
			}
			int valueStart = skipWhitespace(text, colon + 1);
			if (valueStart >= length || !redactor.isSecretKey(text.substring(i + 1, keyEnd - 1))) {
				i = valueStart;
				continue;
			}
			int valueEnd = endOfValue(text, valueStart);
			if (out == null) {
				out = new StringBuilder(length);
			}
			out.append(text, copied, valueStart).append('"').append(SecretRedactor.REDACTED).append('"');
			copied = valueEnd;
			i = valueEnd;
		}
		if (out == null) {
			return text;
		}
		return out.append(text, Math.min(copied, length), length).toString();
	}

	/**
	 * Index just past the string that opens at {@code start}, or -1 if it never closes.
	 */
	private static int endOfString(String text, int start) {
		for (int i = start + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"') {
				return i + 1;
			}
		}
		return -1;
	}

	private static int skipWhitespace(String text, int from) {
		int i = from;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	/**
	 * Index just past the value that starts at {@code start}; the end of the text if it
	 * is cut short.
	 */
	private static int endOfValue(String text, int start) {
		char first = text.charAt(start);
		if (first == '"') {
			int end = endOfString(text, start);
			return (end < 0) ? text.length() : end;
		}
		if (first == '{' || first == '[') {
			int depth = 0;
			for (int i = start; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"') {
					int end = endOfString(text, i);
					if (end < 0) {
						return text.length();
					}
					i = end - 1;
				}
				else if (c == '{' || c == '[') {
					depth++;
				}
				else if ((c == '}' || c == ']') && --depth == 0) {
					return i + 1;
				}
			}
			return text.length();
		}
		int i = start;
		while (i < text.length() && ",}] \t\r\n".indexOf(text.charAt(i)) < 0) {
			i++;
		}
		return i;
	}

}
