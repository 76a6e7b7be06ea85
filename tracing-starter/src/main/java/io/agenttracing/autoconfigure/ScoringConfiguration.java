package io.agenttracing.autoconfigure;

import io.agenttracing.Score;
import io.agenttracing.export.memory.TraceRepository;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.internal.scoring.BudgetEvaluator;
import io.agenttracing.internal.scoring.ScoreRecorder;
import io.agenttracing.internal.scoring.ToolErrorsEvaluator;
import io.agenttracing.internal.trace.RecordingTracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scores after a trace finished ({@link Score.Recorder}) and the built-in evaluators. The
 * evaluators, built-in or the application's, run in the export pipeline, each in a lane
 * of its own.
 */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

	@Bean
	@ConditionalOnMissingBean(Score.Recorder.class)
	ScoreRecorder agentTracingScores(RecordingTracer tracer, ExportPipeline pipeline,
			ObjectProvider<TraceRepository> store) {
		return new ScoreRecorder(pipeline, store.getIfAvailable(), tracer::boundScore);
	}

	@Bean
	@ConditionalOnBooleanProperty("agent.tracing.evaluation.tool-errors.enabled")
	ToolErrorsEvaluator agentTracingToolErrorsEvaluator() {
		return new ToolErrorsEvaluator();
	}

	@Bean
	@ConditionalOnBooleanProperty("agent.tracing.evaluation.budget.enabled")
	BudgetEvaluator agentTracingBudgetEvaluator(TracingProperties properties) {
		TracingProperties.Evaluation.Budget budget = properties.getEvaluation().getBudget();
		return new BudgetEvaluator(budget.getMaxDuration(), budget.getMaxCost());
	}

}
