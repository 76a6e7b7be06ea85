package io.agenttracing;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Immutable snapshot of a span, as exporters receive it.
 *
 * @param traceId 32 lowercase hex characters
 * @param spanId 16 lowercase hex characters
 * @param parentId the parent's span id, or {@code null} for a root span
 * @param name the span's name
 * @param kind the span's kind
 * @param status the span's status
 * @param startEpochNanos when the span started, in nanoseconds since the epoch
 * @param endEpochNanos when the span ended, in nanoseconds since the epoch, or {@code -1}
 * if it was still running
 * @param startOffsetNanos start relative to the start of the trace
 * @param durationNanos how long the span took, or {@code -1} if it was still running
 * @param sessionId the session of the trace, if set
 * @param attributes attributes by key
 * @param events events in the order they were added
 * @param error the recorded failure, if any
 * @param input captured input as JSON text, if any
 * @param output captured output as JSON text, if any
 * @param tags tags by key
 * @param signals signals in the order they were added
 * @param level how much the span matters
 * @param links spans that caused this one without being its parent
 */
public record SpanData(String traceId, String spanId, @Nullable String parentId, String name, SpanKind kind,
		SpanStatus status, long startEpochNanos, long endEpochNanos, long startOffsetNanos, long durationNanos,
		@Nullable String sessionId, Map<String, Object> attributes, List<SpanEvent> events, @Nullable SpanError error,
		@Nullable String input, @Nullable String output, Map<String, String> tags, List<Signal> signals,
		Span.Level level, List<Link> links) {

	public SpanData {
		attributes = attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(attributes);
		events = List.copyOf(events);
		tags = Map.copyOf(tags);
		signals = List.copyOf(signals);
		links = List.copyOf(links);
	}

	/**
	 * The level a backend shows: the span's own, or {@link Span.Level#ERROR} for a failed
	 * span.
	 */
	public Span.Level effectiveLevel() {
		return (this.status == SpanStatus.ERROR) ? Span.Level.ERROR : this.level;
	}

	/** This span under another parent, as when its parent is left out of the trace. */
	public SpanData withParentId(@Nullable String newParentId) {
		return new SpanData(this.traceId, this.spanId, newParentId, this.name, this.kind, this.status,
				this.startEpochNanos, this.endEpochNanos, this.startOffsetNanos, this.durationNanos, this.sessionId,
				this.attributes, this.events, this.error, this.input, this.output, this.tags, this.signals, this.level,
				this.links);
	}

	/**
	 * Duration in milliseconds with microsecond precision, or {@code -1} if still
	 * running.
	 */
	public double durationMs() {
		return (this.durationNanos < 0) ? -1 : Math.round(this.durationNanos / 1_000.0) / 1_000.0;
	}

	public boolean isEnded() {
		return this.endEpochNanos >= 0;
	}

	/** When the span started. */
	public Instant startTime() {
		return instant(this.startEpochNanos);
	}

	/** When the span ended, or {@code null} if it was still running. */
	public @Nullable Instant endTime() {
		return isEnded() ? instant(this.endEpochNanos) : null;
	}

	static Instant instant(long epochNanos) {
		return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
				Math.floorMod(epochNanos, 1_000_000_000L));
	}

	/** An attribute value, or {@code null}. */
	public @Nullable Object attribute(String key) {
		return this.attributes.get(key);
	}

	/**
	 * A span of this or another trace that caused a span without being its parent: the
	 * turn a resumed conversation continues, the request that queued a job, one of the
	 * inputs of a fan-in (OpenTelemetry span links; {@code follows_from} in Rust's
	 * {@code tracing}).
	 *
	 * @param traceId the linked span's trace, 32 lowercase hex characters
	 * @param spanId the linked span, 16 lowercase hex characters
	 * @param attributes what the link says about the relation, if anything
	 */
	public record Link(String traceId, String spanId, Map<String, Object> attributes) {

		public Link {
			attributes = Map.copyOf(attributes);
		}

	}

}
