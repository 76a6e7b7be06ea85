package io.agenttracing;

import io.agenttracing.internal.CurrentContext;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Starts spans and traces. The outermost span started on a thread with no current trace
 * opens a new trace and finishes it when it ends; every span started while another is
 * current becomes its child.
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

	/** Default limit of signals on one span. */
	public static final int DEFAULT_MAX_SIGNALS_PER_SPAN = 128;

	/** Default limit of tags on one span. */
	public static final int DEFAULT_MAX_TAGS_PER_SPAN = 128;

	/**
	 * Default longest text kept for one value: an attribute, an error message, a stack
	 * trace.
	 */
	public static final int DEFAULT_MAX_VALUE_LENGTH = 8192;

	/** Default longest time a trace stays open before it is exported as incomplete. */
	public static final java.time.Duration DEFAULT_MAX_TRACE_DURATION = java.time.Duration.ofMinutes(10);

	/**
	 * Default longest name kept: span, event, signal and tag names, tag values, the
	 * session id.
	 */
	public static final int DEFAULT_MAX_NAME_LENGTH = 256;

	private static final Tracer DISABLED = builder().enabled(false).build();

	private final TraceSink sink;

	private final boolean enabled;

	private final double samplingProbability;

	private final int maxSpansPerTrace;

	private final SpanSettings settings;

	private final Supplier<@Nullable RemoteParent> externalParent;

	private final OpenTraces openTraces;

	private Tracer(Builder builder) {
		this.openTraces = new OpenTraces(builder.maxTraceDuration.toNanos(), builder.enabled);
		this.sink = builder.sink;
		this.enabled = builder.enabled;
		this.samplingProbability = builder.samplingProbability;
		this.maxSpansPerTrace = builder.maxSpansPerTrace;
		this.settings = new SpanSettings(builder.capturer, builder.maxAttributesPerSpan, builder.maxEventsPerSpan,
				builder.maxSignalsPerSpan, builder.maxTagsPerSpan, builder.maxStackFrames, builder.maxValueLength,
				builder.maxNameLength, builder.pricing);
		this.externalParent = builder.externalParent;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A tracer that records nothing: every span it starts is {@link Span#noop()}. */
	public static Tracer disabled() {
		return DISABLED;
	}

	/** Whether this tracer records spans at all. */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Starts a span that is current on this thread until it is closed. With no current
	 * trace, the span opens a new one and finishes it when it ends.
	 */
	public Span startSpan(String name, SpanKind kind) {
		if (!this.enabled) {
			return Span.noop();
		}
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
	 * Starts a span under {@code parent} without making it current: for instrumentation
	 * whose calls nest by a context of their own (Micrometer observations, model
	 * listeners), not by thread, so a call that ends on another thread still lands in the
	 * right place. When this thread's current span runs inside {@code parent} (a traced
	 * method that the parent's work called), the span goes under that deeper one. With no
	 * parent, the span is a child of this thread's current span, or the root of a new
	 * trace that its end finishes. End it with {@link Span#end()}; make it current around
	 * work with {@link #makeCurrent}.
	 */
	public Span startSpan(String name, SpanKind kind, @Nullable Span parent) {
		if (!this.enabled || (parent != null && !(parent instanceof RecordingSpan))) {
			return Span.noop();
		}
		Scope current = CurrentContext.get();
		RecordingSpan span;
		if (parent instanceof RecordingSpan recordingParent) {
			RecordingSpan deeper = (current instanceof RecordingSpan currentSpan
					&& currentSpan.hasAncestor(recordingParent)) ? currentSpan : recordingParent;
			span = deeper.trace().newSpan(name, kind, deeper);
		}
		else {
			span = (current != null) ? current.trace().newSpan(name, kind, (RecordingSpan) current.span())
					: openTrace(null).startRoot(name, kind);
		}
		return (span != null) ? span : Span.noop();
	}

	/**
	 * The trace {@code span} belongs to, or {@code null} for a span that records nothing.
	 */
	public @Nullable TraceContext traceOf(Span span) {
		return (span instanceof RecordingSpan recording) ? recording.trace() : null;
	}

	/**
	 * Makes {@code span} current on this thread until the returned scope is closed, which
	 * makes current again what was before. Scopes close in reverse order of opening, on
	 * the thread that opened them.
	 */
	public SpanScope makeCurrent(Span span) {
		if (!(span instanceof RecordingSpan recording)) {
			return SpanScope.NOOP;
		}
		Scope previous = CurrentContext.attach(recording);
		return () -> CurrentContext.restore(previous);
	}

	/**
	 * Makes a span started by {@link #startSpan} no longer current on this thread without
	 * ending it, for work that completes later on another thread.
	 */
	public void leaveScope(Span span) {
		if (span instanceof RecordingSpan recording) {
			recording.leaveScope();
			recording.trace().ownerLeftThread(recording);
		}
	}

	/**
	 * Opens a trace that its caller owns: the caller makes it current with
	 * {@link CurrentContext#attach}, and calls {@link TraceContext#finish()} when done.
	 * When another tracing library has a current span (the external parent), the trace
	 * continues it.
	 */
	public TraceContext openTrace(@Nullable String name) {
		RemoteParent external = externalParent();
		if (external != null) {
			return continueTrace(external, name);
		}
		return new TraceContext(this, name, Ids.randomNonZero(), Ids.randomNonZero(), null, null, sample());
	}

	private boolean sample() {
		return this.enabled && this.samplingProbability >= 1.0 || (this.samplingProbability > 0
				&& ThreadLocalRandom.current().nextDouble() < this.samplingProbability);
	}

	/**
	 * Opens a trace that continues a remote one: it adopts the trace id, and its root
	 * spans become children of the remote span. Invalid ids open a new trace instead.
	 */
	public TraceContext continueTrace(String traceId, String parentSpanId, @Nullable String name) {
		return continueTrace(new RemoteParent(traceId, parentSpanId, null, null), name);
	}

	/**
	 * Opens a trace that continues {@code remote}: same trace id, root spans as children
	 * of the remote span, the remote's session. An invalid parent opens a new trace.
	 * Whether the trace is recorded is decided here, by this tracer's sampling
	 * probability, so that a caller's (or Boot's 10 %) sampling never hides the local
	 * view by accident.
	 */
	public TraceContext continueTrace(RemoteParent remote, @Nullable String name) {
		if (!remote.isValid()) {
			return new TraceContext(this, name, Ids.randomNonZero(), Ids.randomNonZero(), null, null, sample());
		}
		TraceContext trace = new TraceContext(this, name, Ids.parseHex(remote.traceId(), 0, 16),
				Ids.parseHex(remote.traceId(), 16, 32), remote.spanId(), remote.traceState(), sample(),
				remote.random());
		if (remote.sessionId() != null) {
			trace.setSessionId(remote.sessionId());
		}
		remote.baggage().forEach(trace::setBaggage);
		return trace;
	}

	/**
	 * The current span of the external tracing library (see
	 * {@link Builder#externalParent}), or {@code null}.
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
		return this.settings.capturer();
	}

	int maxSpansPerTrace() {
		return this.maxSpansPerTrace;
	}

	SpanSettings settings() {
		return this.settings;
	}

	OpenTraces openTraces() {
		return this.openTraces;
	}

	/**
	 * Traces recorded and not finished yet (roots still running), for the
	 * {@code traces.open} gauge.
	 */
	public long openTraceCount() {
		return this.openTraces.count();
	}

	/**
	 * Exports, marked incomplete, every open trace older than the longest trace duration
	 * at {@code nanoTime} (a {@link System#nanoTime()} reading). A background thread does
	 * this every second; tests call it with a clock of their own.
	 * @return how many traces were expired
	 */
	public int expireOpenTraces(long nanoTime) {
		return this.openTraces.expire(nanoTime);
	}

	/**
	 * Records input already captured as JSON by {@link #capturer()} (the {@code @Traced}
	 * advice does this), without masking it a second time.
	 */
	public void setCapturedInput(Span span, @Nullable String json) {
		if (span instanceof RecordingSpan recording) {
			recording.setCaptured(json, true);
		}
	}

	/**
	 * Records output already captured as JSON by {@link #capturer()}; see
	 * {@link #setCapturedInput}.
	 */
	public void setCapturedOutput(Span span, @Nullable String json) {
		if (span instanceof RecordingSpan recording) {
			recording.setCaptured(json, false);
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

		private int maxSignalsPerSpan = DEFAULT_MAX_SIGNALS_PER_SPAN;

		private int maxTagsPerSpan = DEFAULT_MAX_TAGS_PER_SPAN;

		private int maxValueLength = DEFAULT_MAX_VALUE_LENGTH;

		private int maxNameLength = DEFAULT_MAX_NAME_LENGTH;

		private boolean enabled = true;

		private java.time.Duration maxTraceDuration = DEFAULT_MAX_TRACE_DURATION;

		private ModelPricing pricing = ModelPricing.builtIn();

		private Supplier<@Nullable RemoteParent> externalParent = () -> null;

		private Builder() {
		}

		/**
		 * Where a new trace looks for a parent when no trace is current on the thread,
		 * for example the current span of Micrometer Tracing. Called once per new trace;
		 * returns {@code null} when there is none.
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

		public Builder maxSignalsPerSpan(int max) {
			this.maxSignalsPerSpan = positive("maxSignalsPerSpan", max);
			return this;
		}

		public Builder maxTagsPerSpan(int max) {
			this.maxTagsPerSpan = positive("maxTagsPerSpan", max);
			return this;
		}

		/**
		 * Longest text kept for one value: an attribute, an error message, a stack trace;
		 * at least 16.
		 */
		public Builder maxValueLength(int max) {
			if (max < 16) {
				throw new IllegalArgumentException("maxValueLength must be at least 16, got " + max);
			}
			this.maxValueLength = max;
			return this;
		}

		/**
		 * The prices that give LLM spans their cost; {@link ModelPricing#builtIn()} by
		 * default.
		 */
		public Builder pricing(ModelPricing pricing) {
			this.pricing = java.util.Objects.requireNonNull(pricing, "pricing");
			return this;
		}

		/**
		 * Longest name kept: span, event, signal and tag names, tag values, the session
		 * id; at least 16.
		 */
		public Builder maxNameLength(int max) {
			if (max < 16) {
				throw new IllegalArgumentException("maxNameLength must be at least 16, got " + max);
			}
			this.maxNameLength = max;
			return this;
		}

		/**
		 * Longest time a trace stays open: one whose root has not ended by then (a future
		 * never completed, a stuck thread) is exported as incomplete with the spans it
		 * has.
		 */
		public Builder maxTraceDuration(java.time.Duration duration) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("maxTraceDuration must be positive, got " + duration);
			}
			this.maxTraceDuration = duration;
			return this;
		}

		/**
		 * Whether the tracer records at all; a disabled one starts only
		 * {@link Span#noop()} spans.
		 */
		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
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
