package io.agenttracing.internal.context;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Parses and validates W3C {@code tracestate}. Repeated headers are combined in order, as
 * HTTP combines repeated fields, and empty ones add nothing. Any invalid member (a key or
 * value outside the grammar) or more than 32 members discards the whole
 * {@code tracestate}: a list we cannot vouch for is not passed on, in part or whole. A
 * key that comes again is dropped and its first member kept, as the specification allows.
 * <p>
 * Keys follow the grammar the official test harness checks: a lowercase letter or digit,
 * then up to 255 of lowercase letters, digits, {@code _ - * /} and {@code @}. It accepts
 * multi-tenant keys ({@code tenant@vendor}) whatever the length of either part within the
 * 256 characters, and keys with more than one {@code @}.
 */
final class TraceState {

	/** Most list members W3C Trace Context allows. */
	static final int MAX_MEMBERS = 32;

	/** A simple or multi-tenant key of at most 256 characters. */
	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_\\-*/@]{0,255}");

	/** Printable ASCII but ',' and '=', ending in a non-space; at most 256 characters. */
	private static final Pattern VALUE = Pattern
		.compile("[\\x20-\\x2b\\x2d-\\x3c\\x3e-\\x7e]{0,255}[\\x21-\\x2b\\x2d-\\x3c\\x3e-\\x7e]");

	private TraceState() {
	}

	/**
	 * The valid {@code tracestate} of all the headers received, normalised (members
	 * joined by {@code ,} without whitespace), or {@code null} when there is none or it
	 * is invalid.
	 */
	static @Nullable String parse(List<String> headers) {
		List<String> members = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (String header : headers) {
			for (String raw : header.split(",", -1)) {
				String member = raw.strip();
				if (member.isEmpty()) {
					continue;
				}
				int equals = member.indexOf('=');
				if (equals <= 0) {
					return null;
				}
				String key = member.substring(0, equals);
				String value = member.substring(equals + 1);
				if (!KEY.matcher(key).matches() || !VALUE.matcher(value).matches()) {
					return null;
				}
				if (!keys.add(key)) {
					continue;
				}
				members.add(member);
				if (members.size() > MAX_MEMBERS) {
					return null;
				}
			}
		}
		return members.isEmpty() ? null : String.join(",", members);
	}

}
