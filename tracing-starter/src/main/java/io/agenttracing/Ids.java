package io.agenttracing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C Trace Context compatible identifiers: 128-bit trace ids and 64-bit span ids, never
 * all zero, rendered as lowercase hex.
 */
final class Ids {

	private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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

	// Latin-1 bytes make the String without the char[] a char-based builder would
	// allocate.
	static String hex(long value) {
		byte[] bytes = new byte[16];
		writeHex(value, bytes, 0);
		return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	static String hex(long high, long low) {
		byte[] bytes = new byte[32];
		writeHex(high, bytes, 0);
		writeHex(low, bytes, 16);
		return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	private static void writeHex(long value, byte[] into, int offset) {
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
