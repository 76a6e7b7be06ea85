package io.agenttracing.internal.trace;

import java.util.List;

import io.agenttracing.TraceData;
import org.jspecify.annotations.Nullable;

/**
 * A span that ended after its trace was finished, exported on its own as a fragment of
 * the same trace. The span is frozen, and the trace's name and session are copied when
 * the span ended.
 */
final class LateSpanExport implements PendingExport {

	private final RecordingTrace trace;

	private final RecordingSpan span;

	private final @Nullable String name;

	private final @Nullable String sessionId;

	private @Nullable TraceData snapshot;

	LateSpanExport(RecordingTrace trace, RecordingSpan span, @Nullable String name, @Nullable String sessionId) {
		this.trace = trace;
		this.span = span;
		this.name = name;
		this.sessionId = sessionId;
	}

	@Override
	public String traceId() {
		return this.trace.traceId();
	}

	@Override
	public synchronized TraceData snapshot() {
		if (this.snapshot == null) {
			String traceId = this.trace.traceId();
			this.snapshot = TraceData.of(traceId, this.name, this.trace.startEpochNanos(), this.sessionId,
					List.of(this.span.toData(traceId, this.sessionId)), true, 0);
		}
		return this.snapshot;
	}

}
