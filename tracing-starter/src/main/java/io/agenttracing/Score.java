package io.agenttracing;

import java.time.Instant;
import java.util.List;
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
 * scores.add(traceId, null, Score.bool("helpful", false).withSource(Score.USER_FEEDBACK)); // a Score.Recorder
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

	/**
	 * Scores a trace after it finished, from anywhere in the application: user feedback
	 * arrives after the answer was sent. Inject the bean: <pre>{@code
	 * &#64;Autowired Score.Recorder scores;
	 *
	 * Score.Recorder.Result result = scores.add(traceId, null,
	 *         Score.bool("helpful", false).withSource(Score.USER_FEEDBACK).withComment(comment));
	 * }</pre> The score is kept with the stored trace and sent to the exporters as a
	 * small follow-up. Never throws for a trace it does not know: the result says so.
	 */
	public interface Recorder {

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
			 * Not a score this trace can take: a malformed id, an unknown span, a full
			 * trace.
			 */
			REFUSED

		}

	}

	/**
	 * Judges finished traces: a bean of this type runs on every finished trace (or a
	 * sample of them, {@code agent.tracing.evaluation.sampling-probability}) on a thread
	 * of its own with a bounded queue, never on the request's thread, so a slow evaluator
	 * (an LLM as a judge) slows nothing and a failing one loses only its own scores. Its
	 * scores are added to the trace as {@link Score#EVALUATOR} scores unless they name
	 * another source. <pre>{@code
	 * &#64;Bean
	 * Score.Evaluator answerLength() {
	 *     return (trace) -> List.of(Score.numeric("answer_length", trace.spans().get(0).output().length()));
	 * }
	 * }</pre>
	 */
	@FunctionalInterface
	public interface Evaluator {

		/** The scores of one finished trace; none if there is nothing to judge. */
		List<Score> evaluate(TraceData trace);

		/** The evaluator's name, in metrics and logs. */
		default String name() {
			String simple = getClass().getSimpleName();
			return (simple.isEmpty() || simple.contains("$$Lambda")) ? "evaluator" : simple;
		}

	}

}
