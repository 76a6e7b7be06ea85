package io.agenttracing;

import java.math.RoundingMode;

import java.math.BigDecimal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Immutable snapshot of a trace, as exporters receive it.
 *
 * @param traceId 32 lowercase hex characters
 * @param name the name of the trace (its first root span's name unless given)
 * @param kind the kind of its first root span
 * @param status {@code ERROR} if a root span failed, else {@code OK}; {@code UNSET}
 * without roots
 * @param startEpochNanos when the first span started, in nanoseconds since the epoch
 * @param durationNanos from the start of the first span to the end of the last
 * @param sessionId the session the trace belongs to, if set
 * @param spans the spans in start order
 * @param fragment whether this holds spans that ended after the trace was exported
 * @param droppedSpans spans not recorded because the trace reached its span limit
 * @param incomplete whether the trace was exported before its root ended, because it
 * reached {@code limits.max-trace-duration}: it holds the spans that had ended by then
 * @param userId the user the trace served, if set
 * @param sessionName a readable name of the session, if set
 * @param tags labels of the whole trace, in the order they were added
 * @param scores judgements of the trace and its spans, in the order they were given
 */
public record TraceData(String traceId, @Nullable String name, SpanKind kind, SpanStatus status, long startEpochNanos,
		long durationNanos, @Nullable String sessionId, List<SpanData> spans, boolean fragment, int droppedSpans,
		boolean incomplete, @Nullable String userId, @Nullable String sessionName, List<String> tags,
		List<Score> scores) {

	public TraceData {
		spans = List.copyOf(spans);
		tags = List.copyOf(tags);
		scores = List.copyOf(scores);
	}

	/** A trace without scores. */
	public TraceData(String traceId, @Nullable String name, SpanKind kind, SpanStatus status, long startEpochNanos,
			long durationNanos, @Nullable String sessionId, List<SpanData> spans, boolean fragment, int droppedSpans,
			boolean incomplete, @Nullable String userId, @Nullable String sessionName, List<String> tags) {
		this(traceId, name, kind, status, startEpochNanos, durationNanos, sessionId, spans, fragment, droppedSpans,
				incomplete, userId, sessionName, tags, List.of());
	}

	/** A trace without user, session name or tags. */
	public TraceData(String traceId, @Nullable String name, SpanKind kind, SpanStatus status, long startEpochNanos,
			long durationNanos, @Nullable String sessionId, List<SpanData> spans, boolean fragment, int droppedSpans,
			boolean incomplete) {
		this(traceId, name, kind, status, startEpochNanos, durationNanos, sessionId, spans, fragment, droppedSpans,
				incomplete, null, null, List.of());
	}

	/** This trace with its user, session name and tags. */
	public TraceData withIdentity(@Nullable String userId, @Nullable String sessionName, List<String> tags) {
		return new TraceData(this.traceId, this.name, this.kind, this.status, this.startEpochNanos, this.durationNanos,
				this.sessionId, this.spans, this.fragment, this.droppedSpans, this.incomplete, userId, sessionName,
				tags, this.scores);
	}

	/**
	 * Reads back a trace from the JSON {@link #toJson()} wrote, as a store that keeps
	 * traces as JSON does. Whole numbers come back as {@code Long}, others as
	 * {@code Double}.
	 */
	public static TraceData fromJson(String json) {
		return TraceJsonReader.read(json);
	}

	/** This trace with these scores instead of its own. */
	public TraceData withScores(List<Score> scores) {
		return new TraceData(this.traceId, this.name, this.kind, this.status, this.startEpochNanos, this.durationNanos,
				this.sessionId, this.spans, this.fragment, this.droppedSpans, this.incomplete, this.userId,
				this.sessionName, this.tags, scores);
	}

	/** The newest score of that name, of the trace itself or of any of its spans. */
	public java.util.Optional<Score> score(String name) {
		for (int i = this.scores.size() - 1; i >= 0; i--) {
			if (this.scores.get(i).name().equals(name)) {
				return java.util.Optional.of(this.scores.get(i));
			}
		}
		return java.util.Optional.empty();
	}

	/** Builds the trace-level summary from its spans. */
	public static TraceData of(String traceId, @Nullable String name, long startEpochNanos, @Nullable String sessionId,
			List<SpanData> spans, boolean fragment, int droppedSpans) {
		return of(traceId, name, startEpochNanos, sessionId, spans, fragment, droppedSpans, false);
	}

	/**
	 * Builds the trace-level summary from its spans, for a trace that may be incomplete.
	 */
	public static TraceData of(String traceId, @Nullable String name, long startEpochNanos, @Nullable String sessionId,
			List<SpanData> spans, boolean fragment, int droppedSpans, boolean incomplete) {
		if (spans.size() == 1) {
			// A span is never its own parent: a lone span is a root.
			return build(traceId, name, startEpochNanos, sessionId, spans, fragment, droppedSpans, incomplete,
					EVERY_SPAN);
		}
		Set<String> ids = ids(spans);
		return build(traceId, name, startEpochNanos, sessionId, spans, fragment, droppedSpans, incomplete,
				(span, index) -> span.parentId() == null || !ids.contains(span.parentId()));
	}

	/**
	 * Builds the summary of a trace whose recorder already knows which of its spans are
	 * roots (those whose parent is not among them), so no span id is looked up.
	 */
	public static TraceData ofKnownRoots(String traceId, @Nullable String name, long startEpochNanos,
			@Nullable String sessionId, List<SpanData> spans, java.util.BitSet roots, int droppedSpans,
			boolean incomplete) {
		return build(traceId, name, startEpochNanos, sessionId, spans, false, droppedSpans, incomplete,
				(span, index) -> roots.get(index));
	}

	/** Whether the span at an index of the trace's list is one of its roots. */
	private interface Roots {

		boolean isRoot(SpanData span, int index);

	}

	private static final Roots EVERY_SPAN = (span, index) -> true;

	private static TraceData build(String traceId, @Nullable String name, long startEpochNanos,
			@Nullable String sessionId, List<SpanData> spans, boolean fragment, int droppedSpans, boolean incomplete,
			Roots roots) {
		SpanKind kind = null;
		SpanStatus status = SpanStatus.UNSET;
		// A request opens its trace before its first span starts; the trace's time is its
		// spans' time.
		long start = Long.MAX_VALUE;
		long end = Long.MIN_VALUE;
		for (int i = 0; i < spans.size(); i++) {
			SpanData span = spans.get(i);
			boolean root = roots.isRoot(span, i);
			if (root && !fragment) {
				if (kind == null) {
					kind = span.kind();
				}
				if (span.status() == SpanStatus.ERROR) {
					status = SpanStatus.ERROR;
				}
				else if (status == SpanStatus.UNSET) {
					status = SpanStatus.OK;
				}
			}
			start = Math.min(start, span.startEpochNanos());
			if (span.isEnded()) {
				end = Math.max(end, span.endEpochNanos());
			}
		}
		if (fragment && !spans.isEmpty()) {
			kind = spans.get(0).kind();
		}
		long begin = (start != Long.MAX_VALUE) ? start : startEpochNanos;
		long duration = (end != Long.MIN_VALUE) ? Math.max(0, end - begin) : 0;
		String traceName = (name != null) ? name : (spans.isEmpty() ? null : spans.get(0).name());
		return new TraceData(traceId, traceName, (kind != null) ? kind : SpanKind.INTERNAL, status, begin, duration,
				sessionId, spans, fragment, droppedSpans, incomplete);
	}

	/** The span ids, for finding roots. */
	private static Set<String> ids(List<SpanData> spans) {
		if (spans.size() == 1) {
			// A span is never its own parent, so a lone span's parent is never in the
			// trace.
			return Set.of();
		}
		Set<String> ids = new HashSet<>(spans.size() * 2);
		for (SpanData span : spans) {
			ids.add(span.spanId());
		}
		return ids;
	}

	/** When the first span started. */
	public Instant startTime() {
		return SpanData.instant(this.startEpochNanos);
	}

	public int spanCount() {
		return this.spans.size();
	}

	/** Duration in milliseconds with microsecond precision. */
	public double durationMs() {
		return Math.round(this.durationNanos / 1_000.0) / 1_000.0;
	}

	/** The spans whose parent is not in this trace. */
	public List<SpanData> roots() {
		Set<String> ids = ids(this.spans);
		return this.spans.stream().filter((span) -> span.parentId() == null || !ids.contains(span.parentId())).toList();
	}

	/** The direct children of a span, in start order. */
	public List<SpanData> childrenOf(String spanId) {
		return this.spans.stream().filter((span) -> spanId.equals(span.parentId())).toList();
	}

	/** The first span with that name, or {@code null}. */
	public @Nullable SpanData span(String name) {
		return this.spans.stream().filter((span) -> span.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * Input and output tokens of every span of the trace. Spans that sum their children's
	 * tokens (a ChatClient call) carry none, so nothing is counted twice.
	 */
	public long totalTokens() {
		long total = 0;
		for (SpanData span : this.spans) {
			total += longAttribute(span, Span.INPUT_TOKENS_ATTRIBUTE)
					+ longAttribute(span, Span.OUTPUT_TOKENS_ATTRIBUTE);
		}
		return total;
	}

	/**
	 * The cost of the trace's model calls in US dollars, to ten decimal places, or
	 * {@code null} when none of them has a price.
	 */
	public @Nullable Double totalCost() {
		double total = 0;
		boolean priced = false;
		for (SpanData span : this.spans) {
			if (span.attribute(Span.COST_ATTRIBUTE) instanceof Number cost) {
				total += cost.doubleValue();
				priced = true;
			}
		}
		// Summed as doubles, the costs pick up noise in the last digits (0.000001 +
		// 0.0000023
		// is 3.2999999999999997e-06); a tenth of a billionth of a dollar is precision
		// enough.
		return priced ? BigDecimal.valueOf(total).setScale(10, RoundingMode.HALF_UP).doubleValue() : null;
	}

	/** Spans of the trace that ended in {@code ERROR}. */
	public int errorCount() {
		int errors = 0;
		for (SpanData span : this.spans) {
			if (span.status() == SpanStatus.ERROR) {
				errors++;
			}
		}
		return errors;
	}

	/** The highest level of the trace's spans, a failed span counting as ERROR. */
	public Span.Level level() {
		Span.Level highest = Span.Level.DEBUG;
		for (SpanData span : this.spans) {
			Span.Level level = span.effectiveLevel();
			if (level.ordinal() > highest.ordinal()) {
				highest = level;
			}
		}
		return this.spans.isEmpty() ? Span.Level.INFO : highest;
	}

	private static long longAttribute(SpanData span, String key) {
		return (span.attribute(key) instanceof Number number) ? number.longValue() : 0;
	}

	/** The JSON the actuator endpoint serves for this trace. */
	public String toJson() {
		return TraceJson.toJson(this);
	}

	/**
	 * The JSON the actuator endpoint serves for a list of traces: {@code {"traces":
	 * [summary...]}}, in the given order.
	 */
	public static String toListJson(List<TraceData> traces) {
		return TraceJson.toListJson(traces);
	}

}
