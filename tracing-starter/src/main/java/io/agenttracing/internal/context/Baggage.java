package io.agenttracing.internal.context;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * W3C {@code baggage}: parsed from repeated headers, written with percent-encoded values.
 * Within the spec's limits (64 members, 8192 characters); anything past them is left out.
 */
final class Baggage {

	static final int MAX_MEMBERS = 64;

	static final int MAX_LENGTH = 8192;

	private Baggage() {
	}

	/**
	 * Entries by name, in order; properties ({@code ;...}) are dropped, invalid members
	 * skipped.
	 */
	static Map<String, String> parse(List<String> headers) {
		Map<String, String> entries = new LinkedHashMap<>();
		int length = 0;
		for (String header : headers) {
			length += header.length();
			if (length > MAX_LENGTH) {
				break;
			}
			for (String member : header.split(",")) {
				int properties = member.indexOf(';');
				String entry = (properties >= 0) ? member.substring(0, properties) : member;
				int equals = entry.indexOf('=');
				if (equals <= 0) {
					continue;
				}
				String key = entry.substring(0, equals).strip();
				String value = decode(entry.substring(equals + 1).strip());
				if (!key.isEmpty() && value != null && entries.size() < MAX_MEMBERS) {
					entries.put(key, value);
				}
			}
		}
		return entries;
	}

	/** The header for these entries, or {@code null} if there are none. */
	static @Nullable String format(Map<String, String> entries) {
		StringBuilder header = new StringBuilder();
		int members = 0;
		for (Map.Entry<String, String> entry : entries.entrySet()) {
			String member = entry.getKey() + "=" + encode(entry.getValue());
			if (members == MAX_MEMBERS || header.length() + member.length() + 1 > MAX_LENGTH) {
				break;
			}
			if (header.length() > 0) {
				header.append(',');
			}
			header.append(member);
			members++;
		}
		return (header.length() > 0) ? header.toString() : null;
	}

	/** Percent-encodes every byte that is not a baggage octet (and {@code %} itself). */
	static String encode(String value) {
		StringBuilder encoded = new StringBuilder(value.length());
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			boolean octet = c == 0x21 || (c >= 0x23 && c <= 0x2b && c != 0x25) || (c >= 0x2d && c <= 0x3a)
					|| (c >= 0x3c && c <= 0x5b) || (c >= 0x5d && c <= 0x7e);
			if (octet) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return encoded.toString();
	}

	/**
	 * Decodes percent-escapes ({@code +} stays a plus); {@code null} for a malformed
	 * escape.
	 */
	static @Nullable String decode(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%') {
				if (i + 2 >= value.length()) {
					return null;
				}
				int high = Character.digit(value.charAt(i + 1), 16);
				int low = Character.digit(value.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
