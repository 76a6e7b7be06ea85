package io.agenttracing;

import org.jspecify.annotations.Nullable;

/**
 * Scores a trace after it finished, from anywhere in the application: user feedback
 * arrives after the answer was sent. Inject the bean: <pre>{@code
 * TraceScores.Result result = scores.add(traceId, null,
 *         Score.bool("helpful", false).withSource(Score.USER_FEEDBACK).withComment(comment));
 * }</pre> The score is kept with the stored trace and sent to the exporters as a small
 * follow-up. Never throws for a trace it does not know: the result says so.
 */
public interface TraceScores {

	/**
	 * Adds a score to a trace of this application, or to one of its spans.
	 * @param traceId the trace, 32 lowercase hex characters
	 * @param spanId the span judged, or {@code null} for the whole trace
	 * @param score the score; its own span id is replaced by {@code spanId}
	 * @return what became of it
	 */
	Result add(String traceId, @Nullable String spanId, Score score);

	/**
	 * What became of a score.
	 *
	 * @param outcome whether it was kept
	 * @param message why not, or what was done, for a log line or an HTTP answer
	 */
	record Result(Outcome outcome, String message) {

		public boolean isAdded() {
			return this.outcome == Outcome.ADDED || this.outcome == Outcome.EXPORTED;
		}

	}

	/** What became of a score. */
	enum Outcome {

		/** Kept with the stored trace and sent to the exporters. */
		ADDED,

		/** No trace store to keep it in: sent to the exporters only. */
		EXPORTED,

		/** The store does not hold the trace: it never did, or has evicted it. */
		UNKNOWN_TRACE,

		/**
		 * Not a score this trace can take: a malformed id, an unknown span, a full trace.
		 */
		REFUSED

	}

}
