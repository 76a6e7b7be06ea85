package io.agenttracing.scoring;

import java.time.Duration;
import java.util.List;

import io.agenttracing.Score;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.internal.scoring.BudgetEvaluator;
import io.agenttracing.internal.scoring.EvaluatorLane;
import io.agenttracing.internal.scoring.ScoreRecorder;
import io.agenttracing.internal.scoring.ToolErrorsEvaluator;
import io.agenttracing.internal.trace.RecordingTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Evaluators judge finished traces off the traced thread, each in its own lane: the
 * built-in ones, and one that fails or hangs loses only its own scores.
 */
class EvaluatorsTest {

	private final InMemoryTraceExporter store = new InMemoryTraceExporter(100);

	private ScoreRecorder recorder;

	private ExportPipeline pipeline;

	private RecordingTracer tracer;

	private void start(Score.Evaluator... evaluators) {
		ExportPipeline.Builder builder = ExportPipeline.builder()
			.exporter("memory", this.store)
			.scheduleDelay(Duration.ofMillis(5));
		for (Score.Evaluator evaluator : evaluators) {
			EvaluatorLane lane = new EvaluatorLane(evaluator, 1.0, () -> this.recorder);
			builder.exporter(lane.name(), lane, evaluator.name().equals("slow") ? 2 : 64);
		}
		this.pipeline = builder.build();
		this.tracer = RecordingTracer.builder().sink(this.pipeline).build();
		this.recorder = new ScoreRecorder(this.pipeline, this.store, this.tracer::boundScore);
	}

	@AfterEach
	void close() {
		this.pipeline.close();
	}

	private String chat(boolean toolFails) {
		try (Span root = this.tracer.startSpan("Agent.run", SpanKind.AGENT)) {
			try (Span tool = this.tracer.startSpan("weather", SpanKind.TOOL)) {
				if (toolFails) {
					tool.setError(new IllegalStateException("no station"));
				}
			}
			try (Span other = this.tracer.startSpan("calculator", SpanKind.TOOL)) {
				other.setAttribute("ok", true);
			}
			return root.traceId();
		}
	}

	private TraceData stored(String traceId, String score) {
		return await().atMost(Duration.ofSeconds(5))
			.until(() -> this.store.findById(traceId).orElse(null),
					(trace) -> trace != null && trace.score(score).isPresent());
	}

	@Test
	void theBuiltInEvaluatorsJudgeToolsAndBudget() {
		start(new ToolErrorsEvaluator(), new BudgetEvaluator(Duration.ofNanos(1), 1.0));
		String failed = chat(true);
		String fine = chat(false);

		Score toolSuccess = stored(failed, ToolErrorsEvaluator.SCORE).score(ToolErrorsEvaluator.SCORE).orElseThrow();
		assertThat(toolSuccess.value()).isEqualTo(0.0);
		assertThat(toolSuccess.source()).isEqualTo(Score.EVALUATOR);
		assertThat(toolSuccess.comment()).isEqualTo("1 of 2 tool calls failed: weather: no station");
		assertThat(stored(fine, ToolErrorsEvaluator.SCORE).score(ToolErrorsEvaluator.SCORE).orElseThrow().value())
			.isEqualTo(1.0);
		Score budget = stored(fine, BudgetEvaluator.SCORE).score(BudgetEvaluator.SCORE).orElseThrow();
		assertThat(budget.value()).isEqualTo(0.0);
		assertThat(budget.comment()).startsWith("took ").contains("budget 0.000 s");
	}

	@Test
	void aFailingOrSlowEvaluatorLosesOnlyItsOwnScores() {
		Score.Evaluator failing = new Score.Evaluator() {

			@Override
			public List<Score> evaluate(TraceData trace) {
				throw new IllegalStateException("judge down");
			}

			@Override
			public String name() {
				return "failing";
			}

		};
		Score.Evaluator slow = new Score.Evaluator() {

			@Override
			public List<Score> evaluate(TraceData trace) {
				// An LLM judge that takes its time.
				try {
					Thread.sleep(2_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return List.of(Score.numeric("slow", 1));
			}

			@Override
			public String name() {
				return "slow";
			}

		};
		start(failing, slow, new ToolErrorsEvaluator());
		List<String> traces = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			traces.add(chat(false));
		}

		// Every trace gets the working evaluator's score while the slow one's queue of 2
		// overflows; the trace store, a lane of its own, keeps everything.
		for (String traceId : traces) {
			stored(traceId, ToolErrorsEvaluator.SCORE);
		}
		assertThat(this.pipeline.queueSize("evaluator:slow")).isLessThanOrEqualTo(2);
		assertThat(this.pipeline.droppedCount()).isPositive();
		assertThat(this.store.findAll(io.agenttracing.export.memory.TraceQuery.all())).hasSize(12);
	}

}
