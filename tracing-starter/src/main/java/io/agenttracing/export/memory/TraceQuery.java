package io.agenttracing.export.memory;

import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import org.jspecify.annotations.Nullable;

/**
 * Filters for listing stored traces; {@code null} matches everything.
 *
 * @param kind a kind of span the trace holds (any of its spans)
 * @param status status of the trace
 * @param sessionId session of the trace
 * @param limit most traces to return
 */
public record TraceQuery(@Nullable SpanKind kind, @Nullable SpanStatus status, @Nullable String sessionId, int limit) {

	public static final int DEFAULT_LIMIT = 100;

	public TraceQuery {
		if (limit <= 0) {
			throw new IllegalArgumentException("limit must be positive, got " + limit);
		}
	}

	/** All traces, up to the default limit. */
	public static TraceQuery all() {
		return new TraceQuery(null, null, null, DEFAULT_LIMIT);
	}

	boolean matches(TraceData trace) {
		return (this.kind == null || holdsKind(trace, this.kind))
				&& (this.status == null || this.status == trace.status())
				&& (this.sessionId == null || this.sessionId.equals(trace.sessionId()));
	}

	private static boolean holdsKind(TraceData trace, SpanKind kind) {
		for (SpanData span : trace.spans()) {
			if (span.kind() == kind) {
				return true;
			}
		}
		return false;
	}

}
