package io.agenttracing.internal.trace;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C Trace Context compatible identifiers: 128-bit trace ids and 64-bit span ids, never
 * all zero, rendered as lowercase hex.
 */
final class Ids {

	private static final HexFormat HEX = HexFormat.of();

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

	// HexFormat builds the string in place; writing bytes and then making a String of
	// them copies once more and took the export thread twice as long.
	static String hex(long value) {
		return HEX.toHexDigits(value);
	}

	static String hex(long high, long low) {
		byte[] bytes = new byte[16];
		for (int i = 0; i < 8; i++) {
			bytes[i] = (byte) (high >>> (56 - 8 * i));
			bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
		}
		// One string built in place; joining two halves would allocate three.
		return HEX.formatHex(bytes);
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
		return HexFormat.fromHexDigitsToLong(hex, from, to);
	}

}
