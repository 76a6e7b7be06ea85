package io.agenttracing.internal.scoring;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.agenttracing.Score;
import io.agenttracing.TraceData;
import io.agenttracing.export.TraceExporter;

/**
 * Runs one evaluator as an exporter of its own: its own bounded queue and thread in the
 * export pipeline, so a slow evaluator fills only its own queue (further traces are
 * dropped for it and counted) and a failing one fails only its own exports (counted in
 * {@code traces.failed}). Score-only fragments and fragments of late spans are not
 * judged; a sample of finished traces is.
 */
public final class EvaluatorLane implements TraceExporter {

	/** Scores one evaluator may give one trace. */
	private static final int MAX_SCORES = 20;

	private final Score.Evaluator evaluator;

	private final double samplingProbability;

	private final Supplier<ScoreRecorder> scores;

	public EvaluatorLane(Score.Evaluator evaluator, double samplingProbability, Supplier<ScoreRecorder> scores) {
		this.evaluator = evaluator;
		this.samplingProbability = samplingProbability;
		this.scores = scores;
	}

	@Override
	public void export(TraceData trace) {
		if (trace.fragment() || trace.spans().isEmpty() || !sampled()) {
			return;
		}
		List<Score> given = this.evaluator.evaluate(trace);
		if (given == null) {
			return;
		}
		ScoreRecorder recorder = this.scores.get();
		for (int i = 0; i < given.size() && i < MAX_SCORES; i++) {
			Score score = given.get(i);
			if (score != null) {
				recorder.addEvaluated(trace,
						Score.API.equals(score.source()) ? score.withSource(Score.EVALUATOR) : score);
			}
		}
	}

	private boolean sampled() {
		return this.samplingProbability >= 1.0 || ThreadLocalRandom.current().nextDouble() < this.samplingProbability;
	}

	@Override
	public String name() {
		return "evaluator:" + this.evaluator.name();
	}

}
