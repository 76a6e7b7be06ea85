package io.agenttracing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C Trace Context compatible identifiers: 128-bit trace ids and 64-bit span ids, never all zero,
 * rendered as lowercase hex.
 */
final class Ids {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private Ids() {
	}

	static long randomNonZero() {
		long id;
		do {
			id = ThreadLocalRandom.current().nextLong();
		}
		while (id == 0);
		return id;
	}

	static String hex(long value) {
		char[] chars = new char[16];
		writeHex(value, chars, 0);
		return new String(chars);
	}

	static String hex(long high, long low) {
		char[] chars = new char[32];
		writeHex(high, chars, 0);
		writeHex(low, chars, 16);
		return new String(chars);
	}

	private static void writeHex(long value, char[] into, int offset) {
		for (int i = 15; i >= 0; i--) {
			into[offset + i] = HEX[(int) (value & 0xF)];
			value >>>= 4;
		}
	}

	static boolean isValidTraceId(String id) {
		return isLowerHex(id, 32);
	}

	static boolean isValidSpanId(String id) {
		return isLowerHex(id, 16);
	}

	private static boolean isLowerHex(String id, int length) {
		if (id.length() != length) {
			return false;
		}
		boolean nonZero = false;
		for (int i = 0; i < length; i++) {
			char c = id.charAt(i);
			boolean digit = c >= '0' && c <= '9';
			if (!digit && !(c >= 'a' && c <= 'f')) {
				return false;
			}
			nonZero |= c != '0';
		}
		return nonZero;
	}

	static long parseHex(String hex, int from, int to) {
		return Long.parseUnsignedLong(hex.substring(from, to), 16);
	}

}
