package io.agenttracing.export.memory;

import java.time.Instant;

import io.agenttracing.Span;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import org.jspecify.annotations.Nullable;

/**
 * Filters for listing stored traces; {@code null} matches everything.
 *
 * @param kind a kind of span the trace holds (any of its spans)
 * @param status status of the trace
 * @param sessionId session of the trace
 * @param limit most traces to return
 * @param text text that a span name, attribute value, input or output of the trace holds,
 * ignoring case
 * @param withErrors {@code true} for traces with an ERROR span, {@code false} for traces
 * without
 * @param userId user of the trace
 * @param tag a tag of the trace
 * @param level a level the trace reaches: traces with a span at this level or above
 * @param score a score the trace has: {@code name} (any value), or {@code name>0.5},
 * {@code name>=4}, {@code name<1}, {@code name<=0}, {@code name=true},
 * {@code name=off-topic}, {@code name!=x}, compared with the newest score of that name
 * @param before only traces that started before this instant: the next page of a list,
 * given the start of the last trace of the page before
 */
public record TraceQuery(@Nullable SpanKind kind, @Nullable SpanStatus status, @Nullable String sessionId, int limit,
		@Nullable String text, @Nullable Boolean withErrors, @Nullable String userId, @Nullable String tag,
		Span.@Nullable Level level, @Nullable String score, @Nullable Instant before) {

	public static final int DEFAULT_LIMIT = 100;

	public TraceQuery {
		if (limit <= 0) {
			throw new IllegalArgumentException("limit must be positive, got " + limit);
		}
		if (score != null && !score.isBlank()) {
			ScoreCondition.parse(score);
		}
	}

	public TraceQuery(@Nullable SpanKind kind, @Nullable SpanStatus status, @Nullable String sessionId, int limit) {
		this(kind, status, sessionId, limit, null, null, null, null, null, null, null);
	}

	public TraceQuery(@Nullable SpanKind kind, @Nullable SpanStatus status, @Nullable String sessionId, int limit,
			@Nullable String text, @Nullable Boolean withErrors, @Nullable String userId, @Nullable String tag) {
		this(kind, status, sessionId, limit, text, withErrors, userId, tag, null, null, null);
	}

	public TraceQuery(@Nullable SpanKind kind, @Nullable SpanStatus status, @Nullable String sessionId, int limit,
			@Nullable String text, @Nullable Boolean withErrors, @Nullable String userId, @Nullable String tag,
			Span.@Nullable Level level, @Nullable String score) {
		this(kind, status, sessionId, limit, text, withErrors, userId, tag, level, score, null);
	}

	/** All traces, up to the default limit. */
	public static TraceQuery all() {
		return new TraceQuery(null, null, null, DEFAULT_LIMIT);
	}

	/** Whether {@code trace} passes every filter of this query (the limit aside). */
	public boolean matches(TraceData trace) {
		return (this.kind == null || holdsKind(trace, this.kind))
				&& (this.status == null || this.status == trace.status())
				&& (this.sessionId == null || this.sessionId.equals(trace.sessionId()))
				&& (this.withErrors == null || this.withErrors == (trace.errorCount() > 0))
				&& (this.userId == null || this.userId.equals(trace.userId()))
				&& (this.tag == null || trace.tags().contains(this.tag))
				&& (this.level == null || trace.level().isAtLeast(this.level))
				&& (this.before == null || trace.startTime().isBefore(this.before))
				&& (this.score == null || this.score.isBlank() || ScoreCondition.parse(this.score).matches(trace))
				&& (this.text == null || this.text.isBlank() || holdsText(trace, this.text.trim()));
	}

	private static boolean holdsText(TraceData trace, String text) {
		for (SpanData span : trace.spans()) {
			if (contains(span.name(), text) || contains(span.input(), text) || contains(span.output(), text)) {
				return true;
			}
			for (Object value : span.attributes().values()) {
				if (contains(String.valueOf(value), text)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether {@code value} holds {@code text}, ignoring case, without copying either:
	 * the viewer searches the whole store every few seconds while a search is typed in.
	 */
	static boolean contains(@Nullable String value, String text) {
		if (value == null) {
			return false;
		}
		int last = value.length() - text.length();
		for (int i = 0; i <= last; i++) {
			if (value.regionMatches(true, i, text, 0, text.length())) {
				return true;
			}
		}
		return false;
	}

	private static boolean holdsKind(TraceData trace, SpanKind kind) {
		for (SpanData span : trace.spans()) {
			if (span.kind() == kind) {
				return true;
			}
		}
		return false;
	}

}
