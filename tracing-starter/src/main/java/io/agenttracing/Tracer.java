package io.agenttracing;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Starts spans and traces. The outermost span started on a thread with no current trace opens a
 * new trace and finishes it when it ends; every span started while another is current becomes its
 * child.
 */
public final class Tracer {

	/** Default limit of spans in one trace. */
	public static final int DEFAULT_MAX_SPANS_PER_TRACE = 10_000;

	/** Default limit of attributes on one span. */
	public static final int DEFAULT_MAX_ATTRIBUTES_PER_SPAN = 128;

	/** Default limit of events on one span. */
	public static final int DEFAULT_MAX_EVENTS_PER_SPAN = 128;

	/** Default number of stack frames recorded for an error. */
	public static final int DEFAULT_MAX_STACK_FRAMES = 32;

	private final TraceSink sink;

	private final ValueCapturer capturer;

	private final double samplingProbability;

	private final int maxSpansPerTrace;

	private final int maxAttributesPerSpan;

	private final int maxEventsPerSpan;

	private final int maxStackFrames;

	private final Supplier<@Nullable RemoteParent> externalParent;

	private Tracer(Builder builder) {
		this.sink = builder.sink;
		this.capturer = builder.capturer;
		this.samplingProbability = builder.samplingProbability;
		this.maxSpansPerTrace = builder.maxSpansPerTrace;
		this.maxAttributesPerSpan = builder.maxAttributesPerSpan;
		this.maxEventsPerSpan = builder.maxEventsPerSpan;
		this.maxStackFrames = builder.maxStackFrames;
		this.externalParent = builder.externalParent;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts a span that is current on this thread until it is closed. With no current trace, the
	 * span opens a new one and finishes it when it ends.
	 */
	public Span startSpan(String name, SpanKind kind) {
		Scope current = CurrentContext.get();
		RecordingSpan span;
		if (current == null) {
			span = openTrace(null).startRoot(name, kind);
		}
		else {
			span = current.trace().newSpan(name, kind, (RecordingSpan) current.span());
			if (span == null) {
				return Span.noop();
			}
		}
		span.makeCurrent();
		return span;
	}

	/**
	 * Makes a span started by {@link #startSpan} no longer current on this thread without ending
	 * it, for work that completes later on another thread.
	 */
	public void leaveScope(Span span) {
		if (span instanceof RecordingSpan recording) {
			recording.leaveScope();
		}
	}

	/**
	 * Opens a trace that its caller owns: the caller makes it current with
	 * {@link CurrentContext#attach}, and calls {@link TraceContext#finish()} when done. When another
	 * tracing library has a current span (the external parent), the trace continues it.
	 */
	public TraceContext openTrace(@Nullable String name) {
		RemoteParent external = externalParent();
		if (external != null) {
			return continueTrace(external, name);
		}
		return new TraceContext(this, name, Ids.randomNonZero(), Ids.randomNonZero(), null, null, sample());
	}

	private boolean sample() {
		return this.samplingProbability >= 1.0
				|| (this.samplingProbability > 0 && ThreadLocalRandom.current().nextDouble() < this.samplingProbability);
	}

	/**
	 * Opens a trace that continues a remote one: it adopts the trace id, and its root spans become
	 * children of the remote span. Invalid ids open a new trace instead.
	 */
	public TraceContext continueTrace(String traceId, String parentSpanId, @Nullable String name) {
		return continueTrace(new RemoteParent(traceId, parentSpanId, null, null), name);
	}

	/**
	 * Opens a trace that continues {@code remote}: same trace id, root spans as children of the
	 * remote span, the remote's session. An invalid parent opens a new trace. Whether the trace is
	 * recorded is decided here, by this tracer's sampling probability, so that a caller's (or Boot's
	 * 10 %) sampling never hides the local view by accident.
	 */
	public TraceContext continueTrace(RemoteParent remote, @Nullable String name) {
		if (!remote.isValid()) {
			return new TraceContext(this, name, Ids.randomNonZero(), Ids.randomNonZero(), null, null, sample());
		}
		TraceContext trace = new TraceContext(this, name, Ids.parseHex(remote.traceId(), 0, 16),
				Ids.parseHex(remote.traceId(), 16, 32), remote.spanId(), remote.traceState(), sample());
		if (remote.sessionId() != null) {
			trace.setSessionId(remote.sessionId());
		}
		return trace;
	}

	/**
	 * The current span of the external tracing library (see {@link Builder#externalParent}), or
	 * {@code null}.
	 */
	public @Nullable RemoteParent externalParent() {
		try {
			return this.externalParent.get();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	TraceSink sink() {
		return this.sink;
	}

	public ValueCapturer capturer() {
		return this.capturer;
	}

	int maxSpansPerTrace() {
		return this.maxSpansPerTrace;
	}

	int maxAttributesPerSpan() {
		return this.maxAttributesPerSpan;
	}

	int maxEventsPerSpan() {
		return this.maxEventsPerSpan;
	}

	int maxStackFrames() {
		return this.maxStackFrames;
	}

	/** The form an attribute value is kept in: plain values as they are, anything else as JSON. */
	@Nullable Object attributeValue(Object value) {
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof CharSequence || value instanceof Character) {
			return value.toString();
		}
		if (value instanceof List<?> list && list.stream()
			.allMatch((e) -> e instanceof String || e instanceof Number || e instanceof Boolean)) {
			return List.copyOf(list);
		}
		String json = this.capturer.capture(value);
		return (json != null) ? json : safeToString(value);
	}

	private static String safeToString(Object value) {
		try {
			return String.valueOf(value);
		}
		catch (RuntimeException ex) {
			return "<" + value.getClass().getName() + ">";
		}
	}

	/** Builds a {@link Tracer}, validating each setting as it is given. */
	public static final class Builder {

		private TraceSink sink = TraceSink.DISCARD;

		private ValueCapturer capturer = ValueCapturer.NONE;

		private double samplingProbability = 1.0;

		private int maxSpansPerTrace = DEFAULT_MAX_SPANS_PER_TRACE;

		private int maxAttributesPerSpan = DEFAULT_MAX_ATTRIBUTES_PER_SPAN;

		private int maxEventsPerSpan = DEFAULT_MAX_EVENTS_PER_SPAN;

		private int maxStackFrames = DEFAULT_MAX_STACK_FRAMES;

		private Supplier<@Nullable RemoteParent> externalParent = () -> null;

		private Builder() {
		}

		/**
		 * Where a new trace looks for a parent when no trace is current on the thread, for example
		 * the current span of Micrometer Tracing. Called once per new trace; returns {@code null}
		 * when there is none.
		 */
		public Builder externalParent(Supplier<@Nullable RemoteParent> externalParent) {
			this.externalParent = Objects.requireNonNull(externalParent, "externalParent");
			return this;
		}

		public Builder sink(TraceSink sink) {
			this.sink = Objects.requireNonNull(sink, "sink");
			return this;
		}

		public Builder capturer(ValueCapturer capturer) {
			this.capturer = Objects.requireNonNull(capturer, "capturer");
			return this;
		}

		public Builder samplingProbability(double probability) {
			if (!(probability >= 0.0 && probability <= 1.0)) {
				throw new IllegalArgumentException("samplingProbability must be between 0 and 1, got " + probability);
			}
			this.samplingProbability = probability;
			return this;
		}

		public Builder maxSpansPerTrace(int max) {
			this.maxSpansPerTrace = positive("maxSpansPerTrace", max);
			return this;
		}

		public Builder maxAttributesPerSpan(int max) {
			this.maxAttributesPerSpan = positive("maxAttributesPerSpan", max);
			return this;
		}

		public Builder maxEventsPerSpan(int max) {
			this.maxEventsPerSpan = positive("maxEventsPerSpan", max);
			return this;
		}

		public Builder maxStackFrames(int max) {
			this.maxStackFrames = positive("maxStackFrames", max);
			return this;
		}

		private static int positive(String name, int value) {
			if (value <= 0) {
				throw new IllegalArgumentException(name + " must be positive, got " + value);
			}
			return value;
		}

		public Tracer build() {
			return new Tracer(this);
		}

	}

}
