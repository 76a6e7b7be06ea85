package io.agenttracing.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.agenttracing.Score;
import io.agenttracing.TraceData;

/**
 * Runs evaluators on a trace in a test, on the test's thread, as the application would
 * run them on every finished trace: <pre>{@code
 * &#64;Autowired List<Score.Evaluator> evaluators;
 *
 * TraceData judged = TraceEvaluations.evaluate(traces.last(), evaluators);
 * assertThat(judged).hasScore("tool_success").withValue(true);
 * }</pre>
 */
public final class TraceEvaluations {

	private TraceEvaluations() {
	}

	/**
	 * The trace with the scores the evaluators give it added to its own, as
	 * {@link Score#EVALUATOR} scores unless they name another source. An evaluator that
	 * throws fails the test with its exception.
	 */
	public static TraceData evaluate(TraceData trace, Collection<? extends Score.Evaluator> evaluators) {
		List<Score> scores = new ArrayList<>(trace.scores());
		for (Score.Evaluator evaluator : evaluators) {
			for (Score score : evaluator.evaluate(trace)) {
				scores.add(Score.API.equals(score.source()) ? score.withSource(Score.EVALUATOR) : score);
			}
		}
		return trace.withScores(scores);
	}

	public static TraceData evaluate(TraceData trace, Score.Evaluator... evaluators) {
		return evaluate(trace, List.of(evaluators));
	}

}
