package io.agenttracing.internal.trace;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import org.jspecify.annotations.Nullable;

/**
 * The span that records: its identity, its place among the scopes of a thread, and its
 * end, which hands the trace what to export. What it records lives in
 * {@link SpanRecorder}. All state is guarded by the monitor of its trace, so that ending
 * a span and finishing the trace are ordered; once ended, the span is frozen and the
 * export thread reads it without further locking.
 */
public final class RecordingSpan extends SpanRecorder implements Scope {

	private final @Nullable RecordingSpan parent;

	private final long id;

	private final String name;

	private final SpanKind kind;

	private final long startNanos;

	private @Nullable String idHex;

	private long endNanos;

	/** Ended after its trace was published: exported on its own, as a fragment. */
	private boolean late;

	/** The scope that was current when this span was made current, restored on close. */
	private @Nullable Scope previous;

	/** Whether this span opened its trace, so that its end finishes it. */
	private boolean owner;

	/** The holder of the thread this span was made current on, until it leaves. */
	private CurrentContext.@Nullable Holder holder;

	RecordingSpan(RecordingTrace trace, @Nullable RecordingSpan parent, long id, String name, SpanKind kind,
			long startNanos) {
		super(trace);
		this.parent = parent;
		this.id = id;
		this.name = name;
		this.kind = kind;
		this.startNanos = startNanos;
	}

	/** Makes this span current on the thread of {@code holder}, the calling thread. */
	void makeCurrent(CurrentContext.Holder holder) {
		this.previous = holder.current;
		holder.current = this;
		this.holder = holder;
	}

	@Override
	public RecordingTrace trace() {
		return this.trace;
	}

	@Override
	public RecordingSpan span() {
		return this;
	}

	@Override
	public String traceId() {
		return this.trace.traceId();
	}

	@Override
	public String spanId() {
		String hex = this.idHex;
		if (hex == null) {
			hex = Ids.hex(this.id);
			this.idHex = hex;
		}
		return hex;
	}

	@Override
	public @Nullable String parentId() {
		return (this.parent != null) ? this.parent.spanId() : this.trace.remoteParentId();
	}

	@Nullable RecordingSpan parent() {
		return this.parent;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SpanKind kind() {
		return this.kind;
	}

	@Override
	public @Nullable String sessionId() {
		return this.trace.sessionId();
	}

	@Override
	public boolean isRecording() {
		return true;
	}

	@Override
	public boolean isEnded() {
		synchronized (this.trace) {
			return this.ended;
		}
	}

	@Override
	public Duration duration() {
		synchronized (this.trace) {
			long end = this.ended ? this.endNanos : System.nanoTime();
			return Duration.ofNanos(end - this.startNanos);
		}
	}

	@Override
	public void end() {
		end(null);
	}

	@Override
	public void close(SpanStatus statusIfUnset) {
		end(statusIfUnset);
		leaveScope();
	}

	/**
	 * Ends the span once, under its trace's lock, and hands the trace what to export: the
	 * whole trace when this span owned it, a fragment when the trace had finished
	 * already.
	 */
	private void end(@Nullable SpanStatus statusIfUnset) {
		long now = System.nanoTime();
		priceModelCall();
		PendingExport export;
		synchronized (this.trace) {
			if (this.ended) {
				return;
			}
			if (statusIfUnset != null && this.status == SpanStatus.UNSET) {
				this.status = statusIfUnset;
			}
			this.ended = true;
			this.endNanos = now;
			this.late = this.trace.isFinishedLocked();
			export = this.trace.spanEndedLocked(this, this.late);
		}
		if (export != null) {
			this.trace.export(export);
		}
	}

	/**
	 * Gives an LLM span that names its model and tokens, and has no cost yet, the cost
	 * its price says.
	 */
	private void priceModelCall() {
		if (this.kind != SpanKind.LLM) {
			return;
		}
		Object model;
		long input;
		long output;
		long cached;
		synchronized (this.trace) {
			if (this.ended || this.contents == null || this.contents.attribute(COST_ATTRIBUTE) != null) {
				return;
			}
			model = this.contents.attribute("gen_ai.response.model");
			if (model == null) {
				model = this.contents.attribute(MODEL_ATTRIBUTE);
			}
			input = tokens(INPUT_TOKENS_ATTRIBUTE);
			output = tokens(OUTPUT_TOKENS_ATTRIBUTE);
			cached = tokens(CACHED_INPUT_TOKENS_ATTRIBUTE);
		}
		if (!(model instanceof String name) || (input <= 0 && output <= 0)) {
			return;
		}
		java.math.BigDecimal cost = this.trace.settings().pricing().cost(name, input, output, cached);
		if (cost != null) {
			setAttribute(COST_ATTRIBUTE, cost.doubleValue());
		}
	}

	private long tokens(String key) {
		Object value = (this.contents != null) ? this.contents.attribute(key) : null;
		return (value instanceof Number number) ? number.longValue() : 0;
	}

	/**
	 * Ends the span like a call that returned: {@code OK} unless a status (an error) was
	 * set, as for {@code @Traced} methods.
	 */
	@Override
	public void close() {
		close(SpanStatus.OK);
	}

	/**
	 * Makes the scope that was current before this span current again, if this span still
	 * is.
	 */
	void leaveScope() {
		CurrentContext.Holder holder = this.holder;
		if (holder == null) {
			return;
		}
		// Only the thread that made the span current may change what is current there.
		if (holder.thread == Thread.currentThread()) {
			Scope current = holder.current;
			if (current == this || (current instanceof RecordingSpan span && span.hasAncestor(this))) {
				holder.current = this.previous;
			}
		}
		this.holder = null;
		this.previous = null;
	}

	boolean hasAncestor(RecordingSpan candidate) {
		for (RecordingSpan p = this.parent; p != null; p = p.parent) {
			if (p == candidate) {
				return true;
			}
		}
		return false;
	}

	/** Marks the span that opened its trace; called before any other thread sees it. */
	void markOwner() {
		this.owner = true;
	}

	boolean isOwner() {
		return this.owner;
	}

	/** Whether the span has ended; the caller holds the trace's monitor. */
	boolean isEndedLocked() {
		return this.ended;
	}

	/** Whether the span ended after its trace finished; the caller holds the monitor. */
	boolean isLateLocked() {
		return this.late;
	}

	/**
	 * A snapshot; the caller holds the trace's monitor or knows the span is ended, and so
	 * frozen. The trace's id and session are given, as they were when it finished.
	 */
	SpanData toData(String traceId, @Nullable String sessionId) {
		SpanContents contents = this.contents;
		Map<String, Object> attrs = (contents != null) ? contents.exportedAttributes(this.ended, this.truncatedValues)
				: SpanContents.exportedAttributes(this.truncatedValues);
		long offset = this.startNanos - this.trace.startNanos();
		return new SpanData(traceId, spanId(), parentId(), this.name, this.kind, this.status,
				this.trace.epochNanosAt(this.startNanos), this.ended ? this.trace.epochNanosAt(this.endNanos) : -1,
				offset, this.ended ? this.endNanos - this.startNanos : -1, sessionId, attrs,
				(contents != null) ? contents.events() : List.of(), (contents != null) ? contents.error : null,
				this.input, this.output, (contents != null) ? contents.tags() : Map.of(),
				(contents != null) ? contents.signals() : List.of(), levelLocked(),
				(contents != null) ? contents.links() : List.of());
	}

	long startNanos() {
		return this.startNanos;
	}

	@Override
	public String toString() {
		return "Span[" + this.name + " " + this.kind + " " + spanId() + "]";
	}

}
