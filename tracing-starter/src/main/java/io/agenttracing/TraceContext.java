package io.agenttracing;

import io.agenttracing.internal.CurrentContext;
import io.agenttracing.internal.TraceJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One trace: the spans of one request or of one outermost traced call. The span that is
 * current is per thread ({@link CurrentContext}), so {@link #startSpan},
 * {@link #currentSpanId()}, {@link #addEvent} and {@link #setAttribute} act on the
 * calling thread's current span of this trace.
 * <p>
 * A trace is finished once, by its owner: the request that opened it, or its first root
 * span when that ends. It is then handed to the {@link TraceSink}; spans that end
 * afterwards are handed over on their own, as fragments of the same trace.
 */
public final class TraceContext implements Scope, PendingExport {

	/** W3C baggage allows 64 list members. */
	private static final int MAX_BAGGAGE_ENTRIES = 64;

	/** The baggage entry, and exported attribute, of the trace's user. */
	public static final String USER_ID_KEY = "user.id";

	/** The baggage entry, and exported attribute, of the session's readable name. */
	public static final String SESSION_NAME_KEY = "session.name";

	/** The baggage entry of the trace's tags, comma-separated. */
	public static final String TAGS_KEY = "trace.tags";

	private static final int MAX_TAGS = 32;

	private final Tracer tracer;

	private final long traceIdHigh;

	private final long traceIdLow;

	private final @Nullable String remoteParentId;

	private final @Nullable String traceState;

	private final TraceClock.Anchor clock;

	private final long startNanos;

	private final boolean sampled;

	/**
	 * W3C Trace Context Level 2 random flag: the trace id is random (ours always are).
	 */
	private final boolean random;

	/**
	 * W3C baggage entries to pass on downstream, besides the session; guarded by this.
	 */
	private @Nullable Map<String, String> baggage;

	/** The first span, kept apart so that a one-span trace allocates no list. */
	private @Nullable RecordingSpan firstSpan;

	/** Spans after the first, in start order; created with the second span. */
	private @Nullable List<RecordingSpan> moreSpans;

	private int spanCount;

	private @Nullable String traceIdHex;

	private @Nullable String name;

	private @Nullable RecordingSpan owner;

	private volatile @Nullable String sessionId;

	private boolean finished;

	private int droppedSpans;

	private @Nullable TraceData publishedSnapshot;

	/** Exported at the longest trace duration while its root was still running. */
	private boolean incomplete;

	/**
	 * The slot of the thread that opened this trace, among its tracer's open traces; null
	 * when not recorded.
	 */
	private final OpenTraces.@Nullable Slot openSlot;

	/** Set when the trace left its thread unfinished and is tracked on its own. */
	private volatile OpenTraces.@Nullable Handle openHandle;

	/** Span id promised (in a {@code traceresponse}) to the first root span, or 0. */
	private long reservedRootId;

	private boolean reservedRootIdTaken;

	TraceContext(Tracer tracer, @Nullable String name, long traceIdHigh, long traceIdLow,
			@Nullable String remoteParentId, @Nullable String traceState, boolean sampled) {
		this(tracer, name, traceIdHigh, traceIdLow, remoteParentId, traceState, sampled, true);
	}

	TraceContext(Tracer tracer, @Nullable String name, long traceIdHigh, long traceIdLow,
			@Nullable String remoteParentId, @Nullable String traceState, boolean sampled, boolean random) {
		this.random = random;
		this.tracer = tracer;
		this.name = name;
		this.traceIdHigh = traceIdHigh;
		this.traceIdLow = traceIdLow;
		this.remoteParentId = remoteParentId;
		this.traceState = traceState;
		this.sampled = sampled;
		this.startNanos = System.nanoTime();
		this.clock = TraceClock.anchor(this.startNanos);
		this.openSlot = sampled ? tracer.openTraces().opened(this, this.startNanos) : null;
	}

	@Override
	public TraceContext trace() {
		return this;
	}

	@Override
	public @Nullable Span span() {
		return null;
	}

	/** 32 lowercase hex characters. */
	@Override
	public String traceId() {
		String hex = this.traceIdHex;
		if (hex == null) {
			hex = Ids.hex(this.traceIdHigh, this.traceIdLow);
			this.traceIdHex = hex;
		}
		return hex;
	}

	/** The name of the trace: given when opened, else the name of its first root span. */
	public synchronized @Nullable String name() {
		return this.name;
	}

	public Instant startTime() {
		return this.clock.toInstant(this.startNanos);
	}

	/**
	 * The wall-clock time, in nanoseconds since the epoch, of a {@link System#nanoTime()}
	 * reading.
	 */
	long epochNanosAt(long nanoTime) {
		return this.clock.toEpochNanos(nanoTime);
	}

	long startNanos() {
		return this.startNanos;
	}

	/** Span id of the remote caller's span that this trace continues, if any. */
	public @Nullable String remoteParentId() {
		return this.remoteParentId;
	}

	/**
	 * The W3C {@code tracestate} received with the remote parent, to pass on unchanged.
	 */
	public @Nullable String traceState() {
		return this.traceState;
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

	public boolean isSampled() {
		return this.sampled;
	}

	/**
	 * Whether the trace id is random (W3C Trace Context Level 2 flag {@code 0x02}): true
	 * for the ids this tracer makes, and as the caller said for a trace continued from
	 * another service.
	 */
	public boolean isRandom() {
		return this.random;
	}

	/**
	 * The W3C baggage entries this trace passes on to the services it calls, besides the
	 * session: those received from the caller and those set with {@link #setBaggage}.
	 */
	public synchronized Map<String, String> baggage() {
		return (this.baggage != null) ? Map.copyOf(this.baggage) : Map.of();
	}

	/**
	 * Sets a W3C baggage entry (a user id, a tenant) that travels with every call this
	 * trace makes to other services; {@code null} removes it. At most 64 entries are kept
	 * and names and values are cut to the name limit. The session travels as
	 * {@code session.id} on its own.
	 */
	public synchronized void setBaggage(String key, @Nullable String value) {
		String name = settings().name(key.trim());
		if (TAGS_KEY.equals(name) && value != null) {
			// Tags may exceed the name limit joined; each one was bounded on its own.
			putBaggage(name, value);
			return;
		}
		if (value == null) {
			if (this.baggage != null) {
				this.baggage.remove(name);
			}
			return;
		}
		putBaggage(name, settings().name(value));
	}

	private void putBaggage(String name, String value) {
		if (this.baggage == null) {
			this.baggage = new java.util.LinkedHashMap<>();
		}
		if (this.baggage.size() < MAX_BAGGAGE_ENTRIES || this.baggage.containsKey(name)) {
			this.baggage.put(name, value);
		}
	}

	/**
	 * What the spans of this trace need to record safely: the capturer and the limits.
	 */
	SpanSettings settings() {
		return this.tracer.settings();
	}

	public @Nullable String sessionId() {
		return this.sessionId;
	}

	/** The user this trace serves; it travels to called services in baggage. */
	public synchronized @Nullable String userId() {
		return (this.baggage != null) ? this.baggage.get(USER_ID_KEY) : null;
	}

	/** Sets the user this trace serves; {@code null} removes it. */
	public void setUserId(@Nullable String userId) {
		setBaggage(USER_ID_KEY, userId);
	}

	/** A readable name of the session; it travels to called services in baggage. */
	public synchronized @Nullable String sessionName() {
		return (this.baggage != null) ? this.baggage.get(SESSION_NAME_KEY) : null;
	}

	/** Sets a readable name of the session; {@code null} removes it. */
	public void setSessionName(@Nullable String sessionName) {
		setBaggage(SESSION_NAME_KEY, sessionName);
	}

	/** Labels of the whole trace, in the order they were added. */
	public synchronized List<String> tags() {
		String joined = (this.baggage != null) ? this.baggage.get(TAGS_KEY) : null;
		if (joined == null || joined.isEmpty()) {
			return List.of();
		}
		return List.of(joined.split(","));
	}

	/**
	 * Adds labels to the whole trace; they travel to called services in baggage. A label
	 * loses commas and surrounding spaces; at most 32 are kept.
	 */
	public synchronized void addTags(String... tags) {
		java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(tags());
		for (String tag : tags) {
			String clean = (tag != null) ? tag.replace(",", " ").trim() : "";
			if (!clean.isEmpty() && all.size() < MAX_TAGS) {
				all.add(settings().name(clean));
			}
		}
		setBaggage(TAGS_KEY, all.isEmpty() ? null : String.join(",", all));
	}

	/** Sets the session this trace belongs to; it appears on every span of the trace. */
	public void setSessionId(@Nullable String sessionId) {
		this.sessionId = (sessionId != null) ? settings().name(sessionId) : null;
	}

	/** Time since the trace started. */
	public Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

	/**
	 * Starts a span as a child of this thread's current span of this trace (or as a root)
	 * and makes it current on this thread.
	 * @return the new span's id
	 */
	public String startSpan(String name, SpanKind kind) {
		Scope current = CurrentContext.get();
		RecordingSpan parent = (current != null && current.trace() == this) ? (RecordingSpan) current.span() : null;
		RecordingSpan span = newSpan(name, kind, parent);
		if (span == null) {
			return Span.noop().spanId();
		}
		span.makeCurrent();
		return span.spanId();
	}

	/**
	 * Ends the span with that id and, if it is current on this thread, makes its parent
	 * current.
	 */
	public void endSpan(String spanId) {
		Span span = getSpan(spanId);
		if (span != null) {
			span.close();
		}
	}

	/** The id of this thread's current span of this trace, or {@code null}. */
	public @Nullable String currentSpanId() {
		Span span = currentSpan();
		return (span != null) ? span.spanId() : null;
	}

	private @Nullable Span currentSpan() {
		Scope current = CurrentContext.get();
		return (current != null && current.trace() == this) ? current.span() : null;
	}

	public synchronized @Nullable Span getSpan(String spanId) {
		for (RecordingSpan span : spanList()) {
			if (span.spanId().equals(spanId)) {
				return span;
			}
		}
		return null;
	}

	/** All spans in start order; the caller holds this trace's monitor. */
	private List<RecordingSpan> spanList() {
		if (this.firstSpan == null) {
			return List.of();
		}
		if (this.moreSpans == null) {
			return List.of(this.firstSpan);
		}
		List<RecordingSpan> all = new ArrayList<>(this.spanCount);
		all.add(this.firstSpan);
		all.addAll(this.moreSpans);
		return all;
	}

	/** Adds an event to this thread's current span of this trace. */
	public void addEvent(String name) {
		Span span = currentSpan();
		if (span != null) {
			span.addEvent(name);
		}
	}

	/** Sets an attribute on this thread's current span of this trace. */
	public void setAttribute(String key, @Nullable Object value) {
		Span span = currentSpan();
		if (span != null) {
			span.setAttribute(key, value);
		}
	}

	/** All spans started in this trace so far, in start order. */
	public synchronized List<Span> spans() {
		return List.copyOf(spanList());
	}

	public synchronized int spanCount() {
		return this.spanCount;
	}

	/**
	 * The trace as JSON, including spans still running, in the same shape as the actuator
	 * endpoint.
	 */
	public String toJson() {
		return TraceJson.toJson(snapshot(true));
	}

	/**
	 * Creates a span in this trace, or returns {@code null} when the trace is full.
	 */
	@Nullable RecordingSpan newSpan(String name, SpanKind kind, @Nullable RecordingSpan parent) {
		synchronized (this) {
			if (this.spanCount >= this.tracer.maxSpansPerTrace()) {
				this.droppedSpans++;
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
				if (this.moreSpans == null) {
					this.moreSpans = new ArrayList<>(8);
				}
				this.moreSpans.add(span);
			}
			this.spanCount++;
			if (parent == null && this.name == null) {
				this.name = span.name();
			}
			return span;
		}
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
		this.spanCount = 1;
		this.name = bounded;
		this.owner = span;
		return span;
	}

	void spanEnded(RecordingSpan span, long nanos, @Nullable SpanStatus statusIfUnset) {
		boolean late;
		boolean publish = false;
		synchronized (this) {
			if (!span.markEnded(nanos, this.finished, statusIfUnset)) {
				return;
			}
			late = this.finished;
			if (!late && span == this.owner) {
				// The owner ending finishes the trace under the same lock: one lock per
				// root call.
				this.finished = true;
				publish = this.sampled;
			}
		}
		if (publish) {
			closeOpenHandle();
		}
		if (late) {
			if (this.sampled) {
				this.tracer.sink().submit(new LateSpanExport(this, span));
			}
		}
		else if (publish) {
			this.tracer.sink().submit(this);
		}
	}

	/**
	 * Finishes the trace and hands it to the sink. Only the first call counts; spans
	 * ending later are exported as fragments. A trace without spans is not exported.
	 */
	public void finish() {
		synchronized (this) {
			if (this.finished) {
				return;
			}
			this.finished = true;
		}
		closeOpenHandle();
		synchronized (this) {
			if (this.spanCount == 0 || !this.sampled) {
				return;
			}
		}
		this.tracer.sink().submit(this);
	}

	private void closeOpenHandle() {
		if (this.openSlot != null) {
			this.tracer.openTraces().finished(this, this.openSlot, this.openHandle);
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
		if (span == this.owner && this.openSlot != null && !span.isEnded()) {
			this.tracer.openTraces().detach(this, this.openSlot);
		}
	}

	/**
	 * Exports the trace as it is, marked incomplete, because it reached the longest trace
	 * duration with its root still running. Spans still running go out as fragments when
	 * they end.
	 */
	void expire() {
		synchronized (this) {
			if (this.finished) {
				return;
			}
			this.finished = true;
			this.incomplete = true;
			if (this.spanCount == 0 || !this.sampled) {
				return;
			}
		}
		this.tracer.sink().submit(this);
	}

	/**
	 * The spans that ended before the trace was finished, as an immutable snapshot. Taken
	 * once and shared: every exporter gets the same snapshot.
	 */
	@Override
	public synchronized TraceData snapshot() {
		if (this.publishedSnapshot == null) {
			this.publishedSnapshot = snapshot(false);
		}
		return this.publishedSnapshot;
	}

	/**
	 * Adds the span if this snapshot includes it, marking it a root when its parent is
	 * not in the snapshot (a root of the trace, or a span whose parent is still running).
	 */
	private static void addData(List<SpanData> data, java.util.BitSet roots, @Nullable RecordingSpan span,
			boolean includeRunning) {
		if (span != null && includes(span, includeRunning)) {
			RecordingSpan parent = span.parent();
			if (parent == null || !includes(parent, includeRunning)) {
				roots.set(data.size());
			}
			data.add(span.toData());
		}
	}

	private static boolean includes(RecordingSpan span, boolean includeRunning) {
		return includeRunning ? !span.isLate() : span.isEndedBeforePublish();
	}

	synchronized TraceData snapshot(boolean includeRunning) {
		if (this.spanCount == 1 && this.firstSpan != null
				&& (includeRunning ? !this.firstSpan.isLate() : this.firstSpan.isEndedBeforePublish())) {
			return identified(TraceData.of(traceId(), this.name, epochNanosAt(this.startNanos), this.sessionId,
					List.of(this.firstSpan.toData()), false, this.droppedSpans, this.incomplete));
		}
		List<SpanData> data = new ArrayList<>(this.spanCount);
		java.util.BitSet roots = new java.util.BitSet(this.spanCount);
		addData(data, roots, this.firstSpan, includeRunning);
		if (this.moreSpans != null) {
			for (RecordingSpan span : this.moreSpans) {
				addData(data, roots, span, includeRunning);
			}
		}
		return identified(TraceData.ofKnownRoots(traceId(), this.name, epochNanosAt(this.startNanos), this.sessionId,
				data, roots, this.droppedSpans, this.incomplete));
	}

	synchronized TraceData fragment(RecordingSpan span) {
		return identified(TraceData.of(traceId(), this.name, epochNanosAt(this.startNanos), this.sessionId,
				List.of(span.toData()), true, 0));
	}

	/** The trace with who it served and its labels; the caller holds the monitor. */
	private TraceData identified(TraceData data) {
		return (this.baggage == null) ? data : data.withIdentity(userId(), sessionName(), tags());
	}

	@Override
	public String toString() {
		return "TraceContext[" + traceId() + " " + this.name + "]";
	}

	/** A span that ended after its trace was published. */
	private static final class LateSpanExport implements PendingExport {

		private final TraceContext trace;

		private final RecordingSpan span;

		private @Nullable TraceData snapshot;

		LateSpanExport(TraceContext trace, RecordingSpan span) {
			this.trace = trace;
			this.span = span;
		}

		@Override
		public String traceId() {
			return this.trace.traceId();
		}

		@Override
		public synchronized TraceData snapshot() {
			if (this.snapshot == null) {
				this.snapshot = this.trace.fragment(this.span);
			}
			return this.snapshot;
		}

	}

}
