package io.agenttracing.internal.trace;

import java.util.concurrent.TimeUnit;

import io.agenttracing.internal.support.RateLimitedLog;

import java.time.Duration;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.agenttracing.Span;
import io.agenttracing.Score;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanScope;
import io.agenttracing.TraceContext;
import io.agenttracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * The engine's {@link Tracer}: starts recording spans and traces. The outermost span
 * started on a thread with no current trace opens a new trace and finishes it when it
 * ends; every span started while another is current becomes its child. Besides the public
 * contract it offers what the engine's own callers need (the interception of
 * {@code @Traced} methods, the servlet filter, the HTTP clients): opening and continuing
 * traces, capturing values, and leaving a scope without ending its span.
 */
public final class RecordingTracer implements Tracer {

	private static final RecordingTracer DISABLED = builder().enabled(false).build();

	private static final RateLimitedLog misuse = new RateLimitedLog(RecordingTracer.class, 1, TimeUnit.MINUTES);

	private final TraceEnvironment environment;

	private final boolean enabled;

	private final double samplingProbability;

	private final Supplier<@Nullable RemoteParent> externalParent;

	RecordingTracer(TraceEnvironment environment, boolean enabled, double samplingProbability,
			Supplier<@Nullable RemoteParent> externalParent) {
		this.environment = environment;
		this.enabled = enabled;
		this.samplingProbability = samplingProbability;
		this.externalParent = externalParent;
	}

	public static TracerBuilder builder() {
		return new TracerBuilder();
	}

	/** A tracer that records nothing: every span it starts is {@link Span#noop()}. */
	public static RecordingTracer disabled() {
		return DISABLED;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public Span startSpan(String name, SpanKind kind) {
		if (isMisused(name, kind, null)) {
			return Span.noop();
		}
		RecordingSpan span = startCurrentSpan(name, kind);
		return (span != null) ? span : Span.noop();
	}

	/**
	 * Starts a span current on this thread until closed, or returns {@code null} when
	 * nothing is recorded (tracing off, the trace full): the hot path of {@code @Traced}.
	 */
	public @Nullable RecordingSpan startCurrentSpan(String name, SpanKind kind) {
		if (!this.enabled) {
			return null;
		}
		CurrentContext.Holder holder = CurrentContext.holder();
		Scope current = holder.current;
		RecordingSpan span = (current == null) ? openTrace(null).startRoot(name, kind)
				: current.trace().newSpan(name, kind, current.span());
		if (span != null) {
			span.makeCurrent(holder);
		}
		return span;
	}

	@Override
	public Span startSpan(String name, SpanKind kind, @Nullable Span parent) {
		if (!this.enabled || isMisused(name, kind, parent) || (parent != null && !(parent instanceof RecordingSpan))) {
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
			span = (current != null) ? current.trace().newSpan(name, kind, current.span())
					: openTrace(null).startRoot(name, kind);
		}
		return (span != null) ? span : Span.noop();
	}

	/**
	 * Whether a call through the API cannot make a span: no name or kind, or a parent
	 * from another tracer. Logged (once a minute at most), never thrown at the caller.
	 */
	private static boolean isMisused(@Nullable String name, @Nullable SpanKind kind, @Nullable Span parent) {
		if (name == null || kind == null) {
			misuse.warn("A span without a name or kind was not started");
			return true;
		}
		if (parent != null && parent.isRecording() && !(parent instanceof RecordingSpan)) {
			misuse.warn("Span '" + name + "' was not started: its parent '" + parent.name()
					+ "' belongs to another tracer");
			return true;
		}
		return false;
	}

	@Override
	public SpanScope makeCurrent(Span span) {
		if (!(span instanceof RecordingSpan recording)) {
			return SpanScope.NOOP;
		}
		Scope previous = CurrentContext.attach(recording);
		return () -> CurrentContext.restore(previous);
	}

	@Override
	public Span currentSpan() {
		Scope scope = CurrentContext.get();
		Span span = (scope != null) ? scope.span() : null;
		return (span != null) ? span : Span.noop();
	}

	@Override
	public @Nullable TraceContext currentTrace() {
		Scope scope = CurrentContext.get();
		return (scope != null) ? scope.trace() : null;
	}

	@Override
	public @Nullable TraceContext traceOf(Span span) {
		return (span instanceof RecordingSpan recording) ? recording.trace() : null;
	}

	/**
	 * Makes a span started by {@link #startCurrentSpan} no longer current on this thread
	 * without ending it, for work that completes later on another thread.
	 */
	public void leaveScope(Span span) {
		if (span instanceof RecordingSpan recording) {
			recording.leaveScope();
			recording.trace().ownerLeftThread(recording);
		}
	}

	/**
	 * Opens a trace that its caller owns: the caller makes it current with
	 * {@link CurrentContext#attach}, and calls {@link RecordingTrace#finish()} when done.
	 * When another tracing library has a current span (the external parent), the trace
	 * continues it.
	 */
	public RecordingTrace openTrace(@Nullable String name) {
		RemoteParent external = externalParent();
		if (external != null) {
			return continueTrace(external, name);
		}
		return newTrace(name);
	}

	private RecordingTrace newTrace(@Nullable String name) {
		boolean chosen = sample();
		RecordingTrace trace = new RecordingTrace(this.environment, name, Ids.randomNonZero(), Ids.randomNonZero(),
				null, chosen || tailSampled(), true);
		if (!chosen && tailSampled()) {
			trace.onProbation();
		}
		return trace;
	}

	/**
	 * Whether traces the probability did not choose are recorded, to be kept if they
	 * matter.
	 */
	private boolean tailSampled() {
		return this.enabled && this.environment.tailSampling().active();
	}

	private boolean sample() {
		return this.enabled && this.samplingProbability >= 1.0 || (this.samplingProbability > 0
				&& ThreadLocalRandom.current().nextDouble() < this.samplingProbability);
	}

	/**
	 * Opens a trace that continues a remote one: it adopts the trace id, and its root
	 * spans become children of the remote span. Invalid ids open a new trace instead.
	 */
	public RecordingTrace continueTrace(String traceId, String parentSpanId, @Nullable String name) {
		return continueTrace(new RemoteParent(traceId, parentSpanId, null, null), name);
	}

	/**
	 * Opens a trace that continues {@code remote}: same trace id, root spans as children
	 * of the remote span, the remote's session and baggage. An invalid parent opens a new
	 * trace. Whether the trace is recorded is decided here, by this tracer's sampling
	 * probability, so that a caller's (or Boot's 10 %) sampling never hides the local
	 * view by accident.
	 */
	public RecordingTrace continueTrace(RemoteParent remote, @Nullable String name) {
		if (!remote.isValid()) {
			return newTrace(name);
		}
		boolean chosen = sample();
		RecordingTrace trace = new RecordingTrace(this.environment, name, Ids.parseHex(remote.traceId(), 0, 16),
				Ids.parseHex(remote.traceId(), 16, 32), remote, chosen || tailSampled(), remote.random());
		if (!chosen && tailSampled()) {
			trace.onProbation();
		}
		if (remote.sessionId() != null) {
			trace.setSessionId(remote.sessionId());
		}
		remote.baggage().forEach(trace::setBaggage);
		return trace;
	}

	/**
	 * The current span of the external tracing library (see
	 * {@link TracerBuilder#externalParent}), or {@code null}.
	 */
	public @Nullable RemoteParent externalParent() {
		try {
			return this.externalParent.get();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	public boolean flush(Duration timeout) {
		return this.environment.sink().flush(timeout);
	}

	/** Renders and redacts captured values, within the value limit. */
	public ValueCapturer capturer() {
		return this.environment.settings().capturer();
	}

	/**
	 * Traces recorded and not finished yet (roots still running), for the
	 * {@code traces.open} gauge.
	 */
	public long openTraceCount() {
		return this.environment.openTraces().count();
	}

	/**
	 * Exports, marked incomplete, every open trace older than the longest trace duration
	 * at {@code nanoTime} (a {@link System#nanoTime()} reading). A background thread does
	 * this every second; tests call it with a clock of their own.
	 * @return how many traces were expired
	 */
	public int expireOpenTraces(long nanoTime) {
		return this.environment.openTraces().expire(nanoTime);
	}

	/** The threshold below which spans are not recorded. */
	public Span.Level minimumLevel() {
		return this.environment.settings().minimumLevel();
	}

	/**
	 * A score within the bounds of this tracer's traces: names cut, the comment masked
	 * and cut like captured text.
	 */
	public Score boundScore(Score score) {
		return Scores.bounded(score, this.environment.settings());
	}

}
