package io.agenttracing;

import java.util.Map;

/**
 * A span of this or another trace that caused a span without being its parent: the turn a
 * resumed conversation continues, the request that queued a job, one of the inputs of a
 * fan-in (OpenTelemetry span links; {@code follows_from} in Rust's {@code tracing}).
 *
 * @param traceId the linked span's trace, 32 lowercase hex characters
 * @param spanId the linked span, 16 lowercase hex characters
 * @param attributes what the link says about the relation, if anything
 */
public record SpanLink(String traceId, String spanId, Map<String, Object> attributes) {

	public SpanLink {
		attributes = Map.copyOf(attributes);
	}

}
