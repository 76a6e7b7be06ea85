package io.agenttracing.context;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.agenttracing.RemoteParent;
import io.agenttracing.Scope;
import io.agenttracing.Span;
import io.agenttracing.TraceContext;
import org.jspecify.annotations.Nullable;

/**
 * The W3C Trace Context headers ({@code traceparent}, {@code tracestate}, {@code traceresponse})
 * and the W3C {@code baggage} entry that carries the session id between services.
 */
public final class W3CTraceContext {

	public static final String TRACEPARENT = "traceparent";

	public static final String TRACESTATE = "tracestate";

	public static final String TRACERESPONSE = "traceresponse";

	public static final String BAGGAGE = "baggage";

	/** The baggage key of the session id. */
	public static final String SESSION_KEY = "session.id";

	private static final int MAX_BAGGAGE_LENGTH = 8192;

	private W3CTraceContext() {
	}

	/**
	 * The remote parent that incoming headers describe, or {@code null} when {@code traceparent} is
	 * missing or malformed (the request then starts a new trace).
	 */
	public static @Nullable RemoteParent extract(@Nullable String traceparent, @Nullable String tracestate,
			@Nullable String baggage) {
		if (traceparent == null) {
			return null;
		}
		String header = traceparent.trim();
		if (header.length() < 55 || header.charAt(2) != '-' || header.charAt(35) != '-' || header.charAt(52) != '-') {
			return null;
		}
		String version = header.substring(0, 2);
		if (!isLowerHex(version) || version.equals("ff") || (version.equals("00") && header.length() != 55)
				|| (header.length() > 55 && header.charAt(55) != '-')) {
			return null;
		}
		if (!isLowerHex(header.substring(53, 55))) {
			return null;
		}
		RemoteParent parent = new RemoteParent(header.substring(3, 35), header.substring(36, 52),
				(tracestate != null && !tracestate.isBlank()) ? tracestate.trim() : null, sessionFromBaggage(baggage));
		return parent.isValid() ? parent : null;
	}

	/**
	 * The {@code traceparent} for a call made in {@code scope}: the current span as parent, or the
	 * trace's remote parent when no span is running; {@code null} when there is neither.
	 */
	public static @Nullable String traceparent(Scope scope) {
		Span span = scope.span();
		String parentId = (span != null) ? span.spanId() : scope.trace().remoteParentId();
		if (parentId == null) {
			return null;
		}
		return "00-" + scope.trace().traceId() + "-" + parentId + "-" + flags(scope.trace());
	}

	/** The {@code traceresponse} that tells a caller the trace and the span that serves it. */
	public static String traceresponse(TraceContext trace) {
		return "00-" + trace.traceId() + "-" + trace.reserveRootSpanId() + "-" + flags(trace);
	}

	/** The {@code baggage} entry of the trace's session, or {@code null} without a session. */
	public static @Nullable String baggage(TraceContext trace) {
		String session = trace.sessionId();
		return (session != null) ? SESSION_KEY + "=" + URLEncoder.encode(session, StandardCharsets.UTF_8) : null;
	}

	private static String flags(TraceContext trace) {
		return trace.isSampled() ? "01" : "00";
	}

	static @Nullable String sessionFromBaggage(@Nullable String baggage) {
		if (baggage == null || baggage.length() > MAX_BAGGAGE_LENGTH) {
			return null;
		}
		for (String member : baggage.split(",")) {
			int properties = member.indexOf(';');
			String entry = (properties >= 0) ? member.substring(0, properties) : member;
			int equals = entry.indexOf('=');
			if (equals > 0 && entry.substring(0, equals).trim().equals(SESSION_KEY)) {
				try {
					String value = URLDecoder.decode(entry.substring(equals + 1).trim(), StandardCharsets.UTF_8);
					return value.isEmpty() ? null : value;
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}
		}
		return null;
	}

	private static boolean isLowerHex(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

}
