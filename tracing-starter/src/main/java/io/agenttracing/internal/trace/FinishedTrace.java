package io.agenttracing.internal.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

import io.agenttracing.Score;
import io.agenttracing.SpanData;
import io.agenttracing.TraceData;
import org.jspecify.annotations.Nullable;

/**
 * A trace as it was when it finished, or a span that ended after that (a fragment),
 * handed to the export pipeline: its spans that had ended (frozen, so read without a
 * lock), which of them are roots, and copies of everything about the trace that could
 * still change. The export thread turns it into {@link TraceData} once; it never reads
 * the live trace, only its identifiers and clock, which never change.
 */
final class FinishedTrace implements PendingExport {

	private final RecordingTrace trace;

	private final @Nullable String name;

	private final @Nullable String sessionId;

	private final @Nullable Identity identity;

	private final @Nullable RecordingSpan onlySpan;

	private final RecordingSpan @Nullable [] spans;

	private final @Nullable BitSet roots;

	private final int droppedSpans;

	private final boolean incomplete;

	/** A span that ended after its trace was finished, exported on its own. */
	private final boolean fragment;

	private @Nullable TraceData snapshot;

	/** A trace of one ended span. */
	FinishedTrace(RecordingTrace trace, @Nullable String name, @Nullable String sessionId, @Nullable Identity identity,
			RecordingSpan onlySpan, int droppedSpans, boolean incomplete) {
		this(trace, name, sessionId, identity, onlySpan, null, null, droppedSpans, incomplete, false);
	}

	/** A trace of several spans, given in start order with its roots marked. */
	FinishedTrace(RecordingTrace trace, @Nullable String name, @Nullable String sessionId, @Nullable Identity identity,
			RecordingSpan[] spans, BitSet roots, int droppedSpans, boolean incomplete) {
		this(trace, name, sessionId, identity, null, spans, roots, droppedSpans, incomplete, false);
	}

	private FinishedTrace(RecordingTrace trace, @Nullable String name, @Nullable String sessionId,
			@Nullable Identity identity, @Nullable RecordingSpan onlySpan, RecordingSpan @Nullable [] spans,
			@Nullable BitSet roots, int droppedSpans, boolean incomplete, boolean fragment) {
		this.trace = trace;
		this.name = name;
		this.sessionId = sessionId;
		this.identity = identity;
		this.onlySpan = onlySpan;
		this.spans = spans;
		this.roots = roots;
		this.droppedSpans = droppedSpans;
		this.incomplete = incomplete;
		this.fragment = fragment;
	}

	/**
	 * A span that ended after its trace was finished: a fragment of the same trace, with
	 * the trace's name and session as they were when the span ended.
	 */
	static FinishedTrace fragment(RecordingTrace trace, RecordingSpan span, @Nullable String name,
			@Nullable String sessionId, @Nullable TraceIdentity identity) {
		// A fragment carries no identity of its own, only what must stay hidden in it.
		Identity secrets = (identity != null) ? new Identity(null, null, List.of(), identity.secrets(), List.of())
				: null;
		return new FinishedTrace(trace, name, sessionId, secrets, span, null, null, 0, false, true);
	}

	/**
	 * The trace as it is now: the spans that ended, in start order, with the roots marked
	 * (a root of the trace, or a span whose parent is still running). The caller holds
	 * the trace's monitor.
	 */
	static FinishedTrace of(RecordingTrace trace, @Nullable String name, @Nullable String sessionId,
			@Nullable TraceIdentity identity, @Nullable RecordingSpan first, @Nullable TraceSpans more,
			boolean incomplete) {
		Identity who = Identity.of(identity);
		int dropped = (more != null) ? more.dropped() : 0;
		if (more == null && first != null && first.isEndedLocked()) {
			return new FinishedTrace(trace, name, sessionId, who, first, dropped, incomplete);
		}
		int count = (more != null) ? more.count() : (first != null) ? 1 : 0;
		RecordingSpan[] ended = new RecordingSpan[count];
		BitSet roots = new BitSet(count);
		int kept = 0;
		for (int i = 0; i < count; i++) {
			RecordingSpan span = (more != null) ? more.get(i) : Objects.requireNonNull(first);
			if (span.isEndedLocked()) {
				RecordingSpan parent = span.parent();
				if (parent == null || !parent.isEndedLocked()) {
					roots.set(kept);
				}
				ended[kept++] = span;
			}
		}
		return new FinishedTrace(trace, name, sessionId, who, (kept < count) ? Arrays.copyOf(ended, kept) : ended,
				roots, dropped, incomplete);
	}

	/**
	 * Every span of a trace still running but those that ended after it finished, for
	 * {@code TraceContext.toJson()}; the caller holds the trace's monitor.
	 */
	static TraceData running(RecordingTrace trace, @Nullable String name, @Nullable String sessionId,
			@Nullable TraceIdentity identity, List<RecordingSpan> spans, int dropped, boolean incomplete) {
		String traceId = trace.traceId();
		List<SpanData> data = new ArrayList<>(spans.size());
		for (RecordingSpan span : spans) {
			if (!span.isLateLocked()) {
				data.add(span.toData(traceId, sessionId));
			}
		}
		TraceData running = TraceData.of(traceId, name, trace.startEpochNanos(), sessionId, data, false, dropped,
				incomplete);
		Identity who = Identity.of(identity);
		return (who != null) ? who.applyTo(running) : running;
	}

	@Override
	public String traceId() {
		return this.trace.traceId();
	}

	@Override
	public synchronized TraceData snapshot() {
		if (this.snapshot == null) {
			this.snapshot = build();
		}
		return this.snapshot;
	}

	private TraceData build() {
		String traceId = this.trace.traceId();
		long start = this.trace.startEpochNanos();
		TraceData data;
		if (this.onlySpan != null || this.spans == null || this.roots == null) {
			List<SpanData> one = (this.onlySpan != null) ? List.of(this.onlySpan.toData(traceId, this.sessionId))
					: List.of();
			data = TraceData.of(traceId, this.name, start, this.sessionId, one, this.fragment, this.droppedSpans,
					this.incomplete);
		}
		else {
			List<SpanData> all = new ArrayList<>(this.spans.length);
			for (RecordingSpan span : this.spans) {
				all.add(span.toData(traceId, this.sessionId));
			}
			List<SpanData> kept = LevelThreshold.apply(all, this.trace.settings().minimumLevel());
			data = (kept == null)
					? TraceData.ofKnownRoots(traceId, this.name, start, this.sessionId, all, this.roots,
							this.droppedSpans, this.incomplete)
					: TraceData.of(traceId, this.name, start, this.sessionId, kept, this.fragment, this.droppedSpans,
							this.incomplete);
		}
		if (this.identity == null) {
			return data;
		}
		return this.fragment ? KnownSecrets.mask(data, this.identity.secrets()) : this.identity.applyTo(data);
	}

	/** Whom the trace served and its labels, copied when it finished. */
	record Identity(@Nullable String userId, @Nullable String sessionName, List<String> tags, List<String> secrets,
			List<Score> scores) {

		/** A copy of the trace's identity as it is now; the caller holds its monitor. */
		static @Nullable Identity of(@Nullable TraceIdentity identity) {
			return (identity != null) ? new Identity(identity.userId(), identity.sessionName(), identity.tags(),
					identity.secrets(), identity.scores()) : null;
		}

		TraceData applyTo(TraceData data) {
			return KnownSecrets.mask(
					data.withIdentity(this.userId, this.sessionName, this.tags).withScores(this.scores), this.secrets);
		}

	}

}
