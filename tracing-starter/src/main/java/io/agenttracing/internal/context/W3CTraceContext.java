package io.agenttracing.internal.context;

import io.agenttracing.TraceContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agenttracing.internal.trace.RemoteParent;
import io.agenttracing.internal.trace.Scope;
import io.agenttracing.Span;
import io.agenttracing.internal.trace.RecordingTrace;
import org.jspecify.annotations.Nullable;

/**
 * The W3C Trace Context headers ({@code traceparent}, {@code tracestate},
 * {@code traceresponse}) and the W3C {@code baggage} entry that carries the session id
 * between services.
 */
public final class W3CTraceContext {

	public static final String TRACEPARENT = "traceparent";

	public static final String TRACESTATE = "tracestate";

	public static final String TRACERESPONSE = "traceresponse";

	public static final String BAGGAGE = "baggage";

	/** The baggage key of the session id. */
	public static final String SESSION_KEY = "session.id";

	private static final int SAMPLED_FLAG = 0x01;

	private static final int RANDOM_FLAG = 0x02;

	private W3CTraceContext() {
	}

	/**
	 * The remote parent that incoming headers describe, or {@code null} when
	 * {@code traceparent} is missing or malformed (the request then starts a new trace).
	 */
	public static @Nullable RemoteParent extract(@Nullable String traceparent, @Nullable String tracestate,
			@Nullable String baggage) {
		return extract((traceparent != null) ? List.of(traceparent) : List.of(),
				(tracestate != null) ? List.of(tracestate) : List.of(),
				(baggage != null) ? List.of(baggage) : List.of());
	}

	/**
	 * The remote parent that incoming headers describe, each header given with all the
	 * values it was received with. {@code null} (a new trace) unless there is exactly one
	 * {@code traceparent} and it parses; {@code tracestate} is combined and validated
	 * ({@link TraceState}); the {@code random} flag of the caller is kept;
	 * {@code baggage} gives the session and the entries to pass on.
	 */
	public static @Nullable RemoteParent extract(List<String> traceparents, List<String> tracestates,
			List<String> baggages) {
		if (traceparents.size() != 1) {
			return null;
		}
		String header = traceparents.get(0).strip();
		if (header.length() < 55 || header.charAt(2) != '-' || header.charAt(35) != '-' || header.charAt(52) != '-') {
			return null;
		}
		String version = header.substring(0, 2);
		if (!isLowerHex(version) || version.equals("ff") || (version.equals("00") && header.length() != 55)
				|| (header.length() > 55 && header.charAt(55) != '-')) {
			return null;
		}
		String flags = header.substring(53, 55);
		if (!isLowerHex(flags)) {
			return null;
		}
		boolean random = (Integer.parseInt(flags, 16) & RANDOM_FLAG) != 0;
		Map<String, String> baggage = new LinkedHashMap<>(Baggage.parse(baggages));
		String session = baggage.remove(SESSION_KEY);
		RemoteParent parent = new RemoteParent(header.substring(3, 35), header.substring(36, 52),
				TraceState.parse(tracestates), (session != null && !session.isEmpty()) ? session : null, random,
				baggage);
		return parent.isValid() ? parent : null;
	}

	/**
	 * The {@code traceparent} for a call made in {@code scope}: the current span as
	 * parent; with no span running, the trace's remote parent, or else the span id
	 * promised to the caller in {@code traceresponse} (the request's own root).
	 */
	public static String traceparent(Scope scope) {
		Span span = scope.span();
		String parentId = (span != null) ? span.spanId() : scope.trace().remoteParentId();
		if (parentId == null) {
			parentId = scope.trace().reserveRootSpanId();
		}
		return traceparent(scope.trace(), parentId);
	}

	/** The {@code traceparent} that names {@code parentId} in {@code trace}. */
	public static String traceparent(RecordingTrace trace, String parentId) {
		return "00-" + trace.traceId() + "-" + parentId + "-" + flags(trace);
	}

	/**
	 * The {@code traceresponse} that tells a caller the trace and the span that serves
	 * it.
	 */
	public static String traceresponse(RecordingTrace trace) {
		return "00-" + trace.traceId() + "-" + trace.reserveRootSpanId() + "-" + flags(trace);
	}

	/**
	 * The {@code baggage} of the trace: its session as {@code session.id} and the entries
	 * received or set on it; {@code null} when there are none.
	 */
	public static @Nullable String baggage(TraceContext trace) {
		Map<String, String> entries = new LinkedHashMap<>();
		String session = trace.sessionId();
		if (session != null) {
			entries.put(SESSION_KEY, session);
		}
		trace.baggage().forEach(entries::putIfAbsent);
		return Baggage.format(entries);
	}

	/**
	 * Sampled is our own decision; random is kept from the caller (and set for ids we
	 * make).
	 */
	private static String flags(RecordingTrace trace) {
		int flags = (trace.isSampled() ? SAMPLED_FLAG : 0) | (trace.isRandom() ? RANDOM_FLAG : 0);
		return "0" + flags;
	}

	static @Nullable String sessionFromBaggage(@Nullable String baggage) {
		if (baggage == null) {
			return null;
		}
		String session = Baggage.parse(List.of(baggage)).get(SESSION_KEY);
		return (session == null || session.isEmpty()) ? null : session;
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
