package io.agenttracing.evaluation;

import java.util.List;

import io.agenttracing.Score;
import io.agenttracing.TraceData;

/**
 * Judges finished traces: a bean of this type runs on every finished trace (or a sample
 * of them, {@code agent.tracing.evaluation.sampling-probability}) on a thread of its own
 * with a bounded queue, never on the request's thread, so a slow evaluator (an LLM as a
 * judge) slows nothing and a failing one loses only its own scores. Its scores are added
 * to the trace as {@link Score#EVALUATOR} scores unless they name another source.
 * <pre>{@code
 * &#64;Bean
 * TraceEvaluator answerLength() {
 *     return (trace) -> List.of(Score.numeric("answer_length", trace.spans().get(0).output().length()));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface TraceEvaluator {

	/** The scores of one finished trace; none if there is nothing to judge. */
	List<Score> evaluate(TraceData trace);

	/** The evaluator's name, in metrics and logs. */
	default String name() {
		String simple = getClass().getSimpleName();
		return (simple.isEmpty() || simple.contains("$$Lambda")) ? "evaluator" : simple;
	}

}
