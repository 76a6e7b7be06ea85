package io.agenttracing;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A judgement of a trace or of one of its spans: whether the answer helped, how faithful
 * it was to the retrieved context, whether the tools succeeded. A score has a name, a
 * value (a number, a boolean kept as 1 or 0, or a categorical label), an optional comment
 * that explains it, the source that gave it ({@link #API}, {@link #USER_FEEDBACK},
 * {@link #EVALUATOR} or a name of your own) and the time it was given. <pre>{@code
 * Tracing.currentTrace().score(Score.numeric("relevance", 0.8).withComment("cites the right doc"));
 * traceScores.add(traceId, null, Score.bool("helpful", false).withSource(Score.USER_FEEDBACK));
 * }</pre>
 *
 * @param name what is judged, e.g. {@code helpfulness}
 * @param type numeric, boolean or categorical
 * @param value the number (1 or 0 for a boolean), or {@code null} for a categorical score
 * @param label the category of a categorical score ({@code "true"}/{@code "false"} for a
 * boolean), or {@code null}
 * @param comment why, if given
 * @param source who judged
 * @param time when
 * @param spanId the span judged, or {@code null} for the whole trace
 */
public record Score(String name, Type type, @Nullable Double value, @Nullable String label, @Nullable String comment,
		String source, Instant time, @Nullable String spanId) {

	/** A score given through the API by the application's code. */
	public static final String API = "API";

	/** A score a user of the application gave: thumbs up or down, stars, a correction. */
	public static final String USER_FEEDBACK = "USER_FEEDBACK";

	/** A score an evaluator computed from the finished trace. */
	public static final String EVALUATOR = "EVALUATOR";

	public Score {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(time, "time");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A score needs a name");
		}
		if (source.isBlank()) {
			throw new IllegalArgumentException("A score needs a source");
		}
		if (type == Type.CATEGORICAL) {
			if (label == null || label.isBlank()) {
				throw new IllegalArgumentException("Categorical score '" + name + "' needs a label");
			}
		}
		else if (value == null || !Double.isFinite(value)) {
			throw new IllegalArgumentException("Score '" + name + "' needs a finite value, got " + value);
		}
	}

	/** A number, such as 0.8 for relevance or 4 for stars. */
	public static Score numeric(String name, double value) {
		return new Score(name, Type.NUMERIC, value, null, null, API, Instant.now(), null);
	}

	/** Yes or no, such as a thumbs up; kept as 1 or 0. */
	public static Score bool(String name, boolean value) {
		return new Score(name, Type.BOOLEAN, value ? 1.0 : 0.0, String.valueOf(value), null, API, Instant.now(), null);
	}

	/** A category, such as {@code "off-topic"}. */
	public static Score categorical(String name, String label) {
		return new Score(name, Type.CATEGORICAL, null, label, null, API, Instant.now(), null);
	}

	/** This score with a comment that explains it. */
	public Score withComment(@Nullable String comment) {
		return new Score(this.name, this.type, this.value, this.label, comment, this.source, this.time, this.spanId);
	}

	/**
	 * This score from another source: {@link #USER_FEEDBACK}, {@link #EVALUATOR}, yours.
	 */
	public Score withSource(String source) {
		return new Score(this.name, this.type, this.value, this.label, this.comment, source, this.time, this.spanId);
	}

	/** This score judging one span of its trace rather than the whole trace. */
	public Score forSpan(@Nullable String spanId) {
		return new Score(this.name, this.type, this.value, this.label, this.comment, this.source, this.time, spanId);
	}

	/** The value as text: the number, or the label of a categorical score. */
	public String valueText() {
		if (this.type == Type.CATEGORICAL) {
			return String.valueOf(this.label);
		}
		if (this.type == Type.BOOLEAN) {
			return String.valueOf(this.value != null && this.value != 0);
		}
		double number = (this.value != null) ? this.value : 0;
		return (number == Math.rint(number) && Math.abs(number) < 1e15) ? String.valueOf((long) number)
				: String.format(Locale.ROOT, "%s", number);
	}

	/** What a score's value is. */
	public enum Type {

		/** A number. */
		NUMERIC,

		/** True or false, kept as 1 or 0. */
		BOOLEAN,

		/** One of a set of labels. */
		CATEGORICAL

	}

}
