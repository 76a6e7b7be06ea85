package io.agenttracing.internal.trace;

import io.agenttracing.Score;

/**
 * The bounds every score is kept within, however it arrives: name, label and source cut
 * to the name limit, the comment masked like any captured text and cut to
 * {@link #MAX_COMMENT_LENGTH}, at most {@link #MAX_PER_TRACE} scores on a trace.
 */
public final class Scores {

	/** Scores one trace keeps; more are refused and counted. */
	public static final int MAX_PER_TRACE = 100;

	/** Longest comment kept, in characters. */
	public static final int MAX_COMMENT_LENGTH = 2000;

	private Scores() {
	}

	static Score bounded(Score score, SpanSettings settings) {
		String comment = (score.comment() != null) ? settings.text(score.comment(), MAX_COMMENT_LENGTH) : null;
		String label = (score.label() != null) ? settings.name(score.label()) : null;
		return new Score(settings.name(score.name()), score.type(), score.value(), label, comment,
				settings.name(score.source()), score.time(), score.spanId());
	}

}
