package io.agenttracing.internal.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import org.jspecify.annotations.Nullable;

/**
 * The trace that records: the spans of one request or of one outermost traced call. It is
 * created with all it needs ({@link TraceEnvironment}) and never calls its tracer. Every
 * span's state is guarded by this trace's monitor, so that a span ending and the trace
 * finishing are ordered.
 * <p>
 * A trace is finished once, by its owner: the request that opened it, or its first root
 * span when that ends. It then hands a {@link FinishedTrace} to the sink; spans that end
 * afterwards are handed over on their own, as fragments of the same trace.
 */
public final class RecordingTrace extends IdentifiedTrace implements Scope {

	private final TraceEnvironment environment;

	private final long traceIdHigh;

	private final long traceIdLow;

	private final TraceClock.Anchor clock;

	private final long startNanos;

	private final boolean sampled;

	/**
	 * Set when the probability did not choose the trace: a tail rule may still keep it.
	 */
	private @Nullable Probation probation;

	/** The first span; a one-span trace, the most common, holds nothing more. */
	private @Nullable RecordingSpan firstSpan;

	/** Every span, made with the second one or the first refused. */
	private @Nullable TraceSpans moreSpans;

	private volatile @Nullable String traceIdHex;

	private @Nullable String name;

	private boolean finished;

	/** Exported at the longest trace duration while its root was still running. */
	private boolean incomplete;

	/** Span id promised (in a {@code traceresponse}) to the first root span, or 0. */
	private long reservedRootId;

	private boolean reservedRootIdTaken;

	/** This thread's slot among the open traces; null when not recorded. */
	private final OpenTraces.@Nullable Slot openSlot;

	/** Set when the trace left its thread unfinished and is tracked on its own. */
	private volatile OpenTraces.@Nullable Handle openHandle;

	RecordingTrace(TraceEnvironment environment, @Nullable String name, long traceIdHigh, long traceIdLow,
			@Nullable RemoteParent remote, boolean sampled, boolean random) {
		super(remote, random);
		this.environment = environment;
		this.name = name;
		this.traceIdHigh = traceIdHigh;
		this.traceIdLow = traceIdLow;
		this.sampled = sampled;
		this.startNanos = System.nanoTime();
		this.clock = TraceClock.anchor(this.startNanos);
		this.openSlot = sampled ? environment.openTraces().opened(this, this.startNanos) : null;
	}

	@Override
	public RecordingTrace trace() {
		return this;
	}

	@Override
	public @Nullable RecordingSpan span() {
		return null;
	}

	@Override
	public String traceId() {
		String hex = this.traceIdHex;
		if (hex == null) {
			hex = Ids.hex(this.traceIdHigh, this.traceIdLow);
			this.traceIdHex = hex;
		}
		return hex;
	}

	@Override
	public synchronized @Nullable String name() {
		return this.name;
	}

	@Override
	public Instant startTime() {
		return this.clock.toInstant(this.startNanos);
	}

	@Override
	public Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

	long epochNanosAt(long nanoTime) {
		return this.clock.toEpochNanos(nanoTime);
	}

	long startEpochNanos() {
		return this.clock.toEpochNanos(this.startNanos);
	}

	long startNanos() {
		return this.startNanos;
	}

	/**
	 * The span id the first root span of this trace will have, decided now so that it can
	 * be told to a caller before the span starts (W3C {@code traceresponse}).
	 */
	public synchronized String reserveRootSpanId() {
		if (this.reservedRootId == 0) {
			this.reservedRootId = Ids.randomNonZero();
		}
		return Ids.hex(this.reservedRootId);
	}

	@Override
	public boolean isSampled() {
		return this.sampled;
	}

	// The seed's string-id operations act on this thread's current span of this trace.

	@Override
	public String startSpan(String name, SpanKind kind) {
		RecordingSpan span = newSpan(name, kind, currentSpan());
		if (span == null) {
			return Span.noop().spanId();
		}
		span.makeCurrent(CurrentContext.holder());
		return span.spanId();
	}

	@Override
	@Nullable RecordingSpan currentSpan() {
		Scope current = CurrentContext.get();
		return (current != null && current.trace() == this) ? current.span() : null;
	}

	@Override
	public synchronized @Nullable Span getSpan(String spanId) {
		for (RecordingSpan span : TraceSpans.of(this.firstSpan, this.moreSpans)) {
			if (span.spanId().equals(spanId)) {
				return span;
			}
		}
		return null;
	}

	@Override
	public synchronized List<Span> spans() {
		return List.copyOf(TraceSpans.of(this.firstSpan, this.moreSpans));
	}

	@Override
	public synchronized int spanCount() {
		return spanCountLocked();
	}

	@Override
	public String toJson() {
		return runningSnapshot().toJson();
	}

	/** Creates a span in this trace, or returns {@code null} when the trace is full. */
	synchronized @Nullable RecordingSpan newSpan(String name, SpanKind kind, @Nullable RecordingSpan parent) {
		if (spanCountLocked() >= this.environment.maxSpans()) {
			moreSpans().refuse();
			return null;
		}
		long id = Ids.randomNonZero();
		if (parent == null && this.reservedRootId != 0 && !this.reservedRootIdTaken) {
			id = this.reservedRootId;
			this.reservedRootIdTaken = true;
		}
		RecordingSpan span = new RecordingSpan(this, parent, id, settings().name(name), kind, System.nanoTime());
		if (this.firstSpan == null) {
			this.firstSpan = span;
		}
		else {
			moreSpans().add(span);
		}
		if (parent == null && this.name == null) {
			this.name = span.name();
		}
		return span;
	}

	/**
	 * Starts the span that owns this new trace: its end finishes the trace. No other
	 * thread can see the trace yet, so this takes no lock, and the span starts when the
	 * trace did.
	 */
	RecordingSpan startRoot(String name, SpanKind kind) {
		String bounded = settings().name(name);
		RecordingSpan span = new RecordingSpan(this, null, Ids.randomNonZero(), bounded, kind, this.startNanos);
		this.firstSpan = span;
		this.name = bounded;
		span.markOwner();
		return span;
	}

	/**
	 * Starts the span of the request this trace serves, from the request's start, for a
	 * request that failed with nothing traced: the span its {@code traceresponse} named.
	 * {@code null} once the trace has a span or has finished.
	 */
	public synchronized @Nullable RecordingSpan startRequestSpan(String name) {
		if (this.firstSpan != null || this.finished) {
			return null;
		}
		long id = (this.reservedRootId != 0) ? this.reservedRootId : Ids.randomNonZero();
		this.reservedRootIdTaken = true;
		this.firstSpan = new RecordingSpan(this, null, id, settings().name(name), SpanKind.INTERNAL, this.startNanos);
		this.name = this.firstSpan.name();
		return this.firstSpan;
	}

	/** Whether the trace was handed to the sink; the caller holds the monitor. */
	boolean isFinishedLocked() {
		return this.finished;
	}

	/**
	 * A span of this trace ended; the caller holds the monitor. Returns what to export:
	 * the whole trace when its owner ended, a fragment when the span ended after the
	 * trace was finished, else {@code null}.
	 */
	@Nullable PendingExport spanEndedLocked(RecordingSpan span, boolean late) {
		if (late) {
			return (this.sampled && (this.probation == null || !this.probation.discarded))
					? FinishedTrace.fragment(this, span, this.name, this.sessionId, this.identity) : null;
		}
		if (span.isOwner()) {
			// The owner ending finishes the trace under the same lock: one lock per root
			// call.
			this.finished = true;
			return (this.sampled && keptLocked(span)) ? finishedLocked() : null;
		}
		return null;
	}

	/** Records the trace only in case a tail sampling rule keeps it when it finishes. */
	void onProbation() {
		this.probation = new Probation();
	}

	/** Whether the finished trace is exported; the caller holds the monitor. */
	private boolean keptLocked(@Nullable RecordingSpan root) {
		return this.probation == null || this.probation.kept(this.environment.tailSampling(),
				TraceSpans.of(this.firstSpan, this.moreSpans), System.nanoTime() - this.startNanos, root);
	}

	/**
	 * Hands what ended to the sink, after the lock is released; a finished trace stops
	 * being tracked first.
	 */
	void export(PendingExport export) {
		if (export instanceof FinishedTrace) {
			closeOpenHandle();
		}
		this.environment.sink().submit(export);
	}

	/**
	 * Finishes the trace and hands it to the sink. Only the first call counts; spans
	 * ending later are exported as fragments. A trace without spans is not exported.
	 */
	public void finish() {
		finish(false);
	}

	/**
	 * Exports the trace as it is, marked incomplete, because it reached the longest trace
	 * duration with its root still running. Spans still running go out as fragments when
	 * they end.
	 */
	void expire() {
		finish(true);
	}

	private void finish(boolean expired) {
		FinishedTrace export = null;
		synchronized (this) {
			if (this.finished) {
				return;
			}
			this.finished = true;
			this.incomplete = expired;
			if (this.firstSpan != null && this.sampled && keptLocked(this.firstSpan)) {
				export = finishedLocked();
			}
		}
		if (!expired) {
			closeOpenHandle();
		}
		if (export != null) {
			this.environment.sink().submit(export);
		}
	}

	@Override
	SpanSettings settings() {
		return this.environment.settings();
	}

	private int spanCountLocked() {
		return (this.moreSpans != null) ? this.moreSpans.count() : (this.firstSpan != null) ? 1 : 0;
	}

	/** Every span, made on first need; the caller holds the monitor. */
	private TraceSpans moreSpans() {
		if (this.moreSpans == null) {
			// The span limit is at least one, so the first span is always kept.
			this.moreSpans = new TraceSpans(java.util.Objects.requireNonNull(this.firstSpan));
		}
		return this.moreSpans;
	}

	/** The trace as it is now, for export; the caller holds the monitor. */
	private FinishedTrace finishedLocked() {
		return FinishedTrace.of(this, this.name, this.sessionId, this.identity, this.firstSpan, this.moreSpans,
				this.incomplete);
	}

	/** Every span but those that ended after the trace was finished, running ones too. */
	private synchronized TraceData runningSnapshot() {
		return FinishedTrace.running(this, this.name, this.sessionId, this.identity,
				TraceSpans.of(this.firstSpan, this.moreSpans), (this.moreSpans != null) ? this.moreSpans.dropped() : 0,
				this.incomplete);
	}

	private void closeOpenHandle() {
		if (this.openSlot != null) {
			this.environment.openTraces().finished(this, this.openSlot, this.openHandle);
		}
	}

	void tracked(OpenTraces.Handle handle) {
		this.openHandle = handle;
	}

	/**
	 * The root that owns this trace left its thread without ending: track the trace on
	 * its own.
	 */
	void ownerLeftThread(RecordingSpan span) {
		if (span.isOwner() && this.openSlot != null && !span.isEnded()) {
			this.environment.openTraces().detach(this, this.openSlot);
		}
	}

	@Override
	public String toString() {
		return "Trace[" + traceId() + " " + this.name + "]";
	}

}
