package io.agenttracing.internal.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.agenttracing.Score;
import io.agenttracing.TraceData;
import org.jspecify.annotations.Nullable;

/**
 * {@code within_budget}: whether the trace stayed within the latency and cost the
 * application allows a request, with what it exceeded in the comment.
 */
public final class BudgetEvaluator implements Score.Evaluator {

	public static final String SCORE = "within_budget";

	private final @Nullable Duration maxDuration;

	private final @Nullable Double maxCost;

	public BudgetEvaluator(@Nullable Duration maxDuration, @Nullable Double maxCost) {
		this.maxDuration = maxDuration;
		this.maxCost = maxCost;
	}

	@Override
	public List<Score> evaluate(TraceData trace) {
		List<String> exceeded = new ArrayList<>();
		if (this.maxDuration != null && trace.durationNanos() > this.maxDuration.toNanos()) {
			exceeded.add(String.format(Locale.ROOT, "took %.3f s, budget %.3f s", trace.durationNanos() / 1e9,
					this.maxDuration.toNanos() / 1e9));
		}
		Double cost = trace.totalCost();
		if (this.maxCost != null && cost != null && cost > this.maxCost) {
			exceeded.add(String.format(Locale.ROOT, "cost $%.6f, budget $%.6f", cost, this.maxCost));
		}
		Score score = Score.bool(SCORE, exceeded.isEmpty());
		return List.of(exceeded.isEmpty() ? score.withComment("within budget")
				: score.withComment(String.join("; ", exceeded)));
	}

	@Override
	public String name() {
		return "budget";
	}

}
