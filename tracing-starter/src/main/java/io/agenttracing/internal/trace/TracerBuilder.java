package io.agenttracing.internal.trace;

import java.util.Objects;
import java.util.function.Supplier;

import io.agenttracing.Span;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link RecordingTracer}, validating each setting as it is given; the defaults
 * are those of the {@code agent.tracing} properties.
 */
public final class TracerBuilder {

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

	private Span.Level minimumLevel = Span.Level.INFO;

	private TailSampling tailSampling = TailSampling.NONE;

	private boolean captureInput = true;

	private boolean captureOutput = true;

	private Supplier<@Nullable RemoteParent> externalParent = () -> null;

	TracerBuilder() {
	}

	/**
	 * Where a new trace looks for a parent when no trace is current on the thread, for
	 * example the current span of Micrometer Tracing. Called once per new trace; returns
	 * {@code null} when there is none.
	 */
	public TracerBuilder externalParent(Supplier<@Nullable RemoteParent> externalParent) {
		this.externalParent = Objects.requireNonNull(externalParent, "externalParent");
		return this;
	}

	public TracerBuilder sink(TraceSink sink) {
		this.sink = Objects.requireNonNull(sink, "sink");
		return this;
	}

	public TracerBuilder capturer(ValueCapturer capturer) {
		this.capturer = Objects.requireNonNull(capturer, "capturer");
		return this;
	}

	public TracerBuilder samplingProbability(double probability) {
		if (!(probability >= 0.0 && probability <= 1.0)) {
			throw new IllegalArgumentException("samplingProbability must be between 0 and 1, got " + probability);
		}
		this.samplingProbability = probability;
		return this;
	}

	public TracerBuilder maxSpansPerTrace(int max) {
		this.maxSpansPerTrace = positive("maxSpansPerTrace", max);
		return this;
	}

	public TracerBuilder maxAttributesPerSpan(int max) {
		this.maxAttributesPerSpan = positive("maxAttributesPerSpan", max);
		return this;
	}

	public TracerBuilder maxEventsPerSpan(int max) {
		this.maxEventsPerSpan = positive("maxEventsPerSpan", max);
		return this;
	}

	public TracerBuilder maxStackFrames(int max) {
		this.maxStackFrames = positive("maxStackFrames", max);
		return this;
	}

	public TracerBuilder maxSignalsPerSpan(int max) {
		this.maxSignalsPerSpan = positive("maxSignalsPerSpan", max);
		return this;
	}

	public TracerBuilder maxTagsPerSpan(int max) {
		this.maxTagsPerSpan = positive("maxTagsPerSpan", max);
		return this;
	}

	/**
	 * Longest text kept for one value: an attribute, an error message, a stack trace; at
	 * least 16.
	 */
	public TracerBuilder maxValueLength(int max) {
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
	public TracerBuilder pricing(ModelPricing pricing) {
		this.pricing = java.util.Objects.requireNonNull(pricing, "pricing");
		return this;
	}

	/**
	 * Longest name kept: span, event, signal and tag names, tag values, the session id;
	 * at least 16.
	 */
	public TracerBuilder maxNameLength(int max) {
		if (max < 16) {
			throw new IllegalArgumentException("maxNameLength must be at least 16, got " + max);
		}
		this.maxNameLength = max;
		return this;
	}

	/**
	 * Longest time a trace stays open: one whose root has not ended by then (a future
	 * never completed, a stuck thread) is exported as incomplete with the spans it has.
	 */
	public TracerBuilder maxTraceDuration(java.time.Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("maxTraceDuration must be positive, got " + duration);
		}
		this.maxTraceDuration = duration;
		return this;
	}

	/**
	 * Whether spans record input and output at all, whoever sets it: off, no prompt,
	 * argument or answer is kept.
	 */
	public TracerBuilder capture(boolean input, boolean output) {
		this.captureInput = input;
		this.captureOutput = output;
		return this;
	}

	/**
	 * Keeps, whatever the sampling probability, every trace with a failed span (when
	 * {@code keepErrors}) and every trace slower than {@code keepSlowerThan} (unless
	 * {@code null}): decided when the trace finishes.
	 */
	public TracerBuilder keepTraces(boolean keepErrors, java.time.@Nullable Duration keepSlowerThan) {
		this.tailSampling = new TailSampling(keepErrors, (keepSlowerThan != null) ? keepSlowerThan.toNanos() : -1);
		return this;
	}

	/**
	 * Threshold below which spans are left out of their traces; {@link Span.Level#INFO}
	 * by default.
	 */
	public TracerBuilder minimumLevel(Span.Level level) {
		this.minimumLevel = java.util.Objects.requireNonNull(level, "level");
		return this;
	}

	/**
	 * Whether the tracer records at all; a disabled one starts only {@link Span#noop()}
	 * spans.
	 */
	public TracerBuilder enabled(boolean enabled) {
		this.enabled = enabled;
		return this;
	}

	private static int positive(String name, int value) {
		if (value <= 0) {
			throw new IllegalArgumentException(name + " must be positive, got " + value);
		}
		return value;
	}

	public RecordingTracer build() {
		OpenTraces openTraces = new OpenTraces(this.maxTraceDuration.toNanos(), this.enabled);
		SpanSettings settings = new SpanSettings(this.capturer, this.maxAttributesPerSpan, this.maxEventsPerSpan,
				this.maxSignalsPerSpan, this.maxTagsPerSpan, this.maxStackFrames, this.maxValueLength,
				this.maxNameLength, this.pricing, this.minimumLevel, this.captureInput, this.captureOutput);
		return new RecordingTracer(
				new TraceEnvironment(settings, this.maxSpansPerTrace, this.sink, openTraces, this.tailSampling),
				this.enabled, this.samplingProbability, this.externalParent);
	}

}
