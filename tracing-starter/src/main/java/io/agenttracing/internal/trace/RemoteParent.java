package io.agenttracing.internal.trace;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The span of another process (or of another tracing library in this one) that a trace
 * continues: the trace adopts its trace id and its root spans become the remote span's
 * children.
 *
 * @param traceId 32 lowercase hex characters (shorter ids are left-padded with zeros)
 * @param spanId 16 lowercase hex characters
 * @param traceState the W3C {@code tracestate} to pass on, if any
 * @param sessionId the session the caller sent along, if any
 * @param random whether the caller flagged its trace id as random (W3C Trace Context
 * Level 2)
 * @param baggage the W3C {@code baggage} entries the caller sent, other than the session,
 * to pass on
 */
public record RemoteParent(String traceId, String spanId, @Nullable String traceState, @Nullable String sessionId,
		boolean random, Map<String, String> baggage) {

	public RemoteParent {
		Objects.requireNonNull(traceId, "traceId");
		Objects.requireNonNull(spanId, "spanId");
		if (traceId.length() < 32) {
			traceId = "0".repeat(32 - traceId.length()) + traceId;
		}
		baggage = Map.copyOf(baggage);
	}

	/** A remote parent with no flags and no baggage beyond the session. */
	public RemoteParent(String traceId, String spanId, @Nullable String traceState, @Nullable String sessionId) {
		this(traceId, spanId, traceState, sessionId, false, Map.of());
	}

	/** Whether both ids are well formed and not all zeros. */
	public boolean isValid() {
		return Ids.isValidTraceId(this.traceId) && Ids.isValidSpanId(this.spanId);
	}

}
