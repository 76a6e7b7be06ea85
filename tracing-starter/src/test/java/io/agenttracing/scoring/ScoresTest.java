package io.agenttracing.scoring;

import java.util.List;

import io.agenttracing.Score;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.Tracing;
import io.agenttracing.export.memory.TraceQuery;
import io.agenttracing.internal.scoring.ScoreRecorder;
import io.agenttracing.internal.semconv.Evaluations;
import io.agenttracing.testing.TracingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Scores given while a trace runs and after it finished: kept with the trace, bounded and
 * masked like any captured value, never an exception in the caller's thread for a trace
 * the store does not hold.
 */
class ScoresTest {

	private final TracingFixture fixture = new TracingFixture(4096, List.of("api_key"));

	private final ScoreRecorder scores = new ScoreRecorder(this.fixture.pipeline(), this.fixture.store(),
			this.fixture.tracer()::boundScore);

	@AfterEach
	void close() {
		this.fixture.close();
	}

	private TraceData chat() {
		try (Span root = this.fixture.tracer().startSpan("Agent.run", SpanKind.AGENT)) {
			try (Span llm = this.fixture.tracer().startSpan("chat", SpanKind.LLM)) {
				llm.score(Score.numeric("faithfulness", 0.9).withComment("cites the context"));
			}
			Tracing.currentTrace().score(Score.categorical("topic", "travel"));
		}
		return this.fixture.traces().get(0);
	}

	@Test
	void scoresGivenWhileTheTraceRunsStayWithIt() {
		TraceData trace = chat();

		assertThat(trace.scores()).extracting(Score::name).containsExactly("faithfulness", "topic");
		Score faithfulness = trace.score("faithfulness").orElseThrow();
		assertThat(faithfulness.spanId()).isEqualTo(trace.spans().get(1).spanId());
		assertThat(faithfulness.source()).isEqualTo(Score.API);
		assertThat(trace.score("topic").orElseThrow().spanId()).isNull();
		assertThat(trace.toJson()).contains("\"scores\":[{\"name\":\"faithfulness\",\"type\":\"NUMERIC\",\"value\":0.9")
			.contains("\"label\":\"travel\"");
		assertThat(TraceData.toListJson(List.of(trace)))
			.contains("\"scores\":{\"faithfulness\":0.9,\"topic\":\"travel\"}");
	}

	@Test
	void aScoreByIdAfterTheTraceFinishedIsMergedIntoTheStoredTrace() {
		TraceData trace = chat();

		Score.Recorder.Result result = this.scores.add(trace.traceId(), null,
				Score.bool("helpful", false).withSource(Score.USER_FEEDBACK).withComment("wrong city"));

		assertThat(result.outcome()).isEqualTo(Score.Recorder.Outcome.ADDED);
		TraceData stored = this.fixture.traces().get(0);
		assertThat(stored.spans()).hasSize(2);
		Score helpful = stored.score("helpful").orElseThrow();
		assertThat(helpful.type()).isEqualTo(Score.Type.BOOLEAN);
		assertThat(helpful.value()).isEqualTo(0.0);
		assertThat(helpful.comment()).isEqualTo("wrong city");
		assertThat(helpful.source()).isEqualTo(Score.USER_FEEDBACK);
		assertThat(this.fixture.store()
			.findAll(new TraceQuery(null, null, null, 10, null, null, null, null, null, "helpful=false"))).hasSize(1);
		assertThat(this.fixture.store()
			.findAll(new TraceQuery(null, null, null, 10, null, null, null, null, null, "faithfulness>0.95")))
			.isEmpty();
	}

	@Test
	void whatCannotBeScoredIsSaidNotThrown() {
		TraceData trace = chat();

		assertThat(this.scores.add("4bf92f3577b34da6a3ce929d0e0e4736", null, Score.numeric("x", 1)).outcome())
			.isEqualTo(Score.Recorder.Outcome.UNKNOWN_TRACE);
		assertThat(this.scores.add("not-a-trace", null, Score.numeric("x", 1)).outcome())
			.isEqualTo(Score.Recorder.Outcome.REFUSED);
		Score.Recorder.Result unknownSpan = this.scores.add(trace.traceId(), "00f067aa0ba902b7", Score.numeric("x", 1));
		assertThat(unknownSpan.outcome()).isEqualTo(Score.Recorder.Outcome.REFUSED);
		assertThat(unknownSpan.message()).contains("has no span 00f067aa0ba902b7");
		assertThatIllegalArgumentException().isThrownBy(() -> Score.numeric("x", Double.NaN))
			.withMessageContaining("finite");
		assertThatIllegalArgumentException().isThrownBy(() -> Score.numeric(" ", 1)).withMessageContaining("name");
		assertThat(new ScoreRecorder(this.fixture.pipeline(), null, (score) -> score)
			.add(trace.traceId(), null, Score.numeric("x", 1))
			.outcome()).isEqualTo(Score.Recorder.Outcome.EXPORTED);
	}

	@Test
	void commentsAreMaskedAndBoundedAndATraceKeepsAtMostAHundredScores() {
		try (Span root = this.fixture.tracer().startSpan("Agent.run", SpanKind.AGENT)) {
			root.setAttribute("api_key", "sk-live-1234567890");
			root.score(Score.numeric("leak", 1).withComment("the key sk-live-1234567890 and Bearer abcdefghijklmnop"));
			root.score(Score.numeric("long", 1).withComment("x".repeat(10_000)));
			for (int i = 0; i < 150; i++) {
				Tracing.currentTrace().score(Score.numeric("n" + i, i));
			}
		}
		TraceData trace = this.fixture.traces().get(0);

		assertThat(trace.scores()).hasSize(100);
		assertThat(trace.score("leak").orElseThrow().comment()).doesNotContain("sk-live-1234567890")
			.doesNotContain("abcdefghijklmnop");
		assertThat(trace.score("long").orElseThrow().comment()).hasSizeLessThan(2100).contains("...[truncated");
	}

	@Test
	void scoresReachBackendsAsGenAiEvaluationEvents() {
		TraceData trace = chat();

		TraceData exported = Evaluations.withEvaluations(trace);
		var llm = exported.spans().get(1);
		assertThat(llm.events()).singleElement().satisfies((event) -> {
			assertThat(event.name()).isEqualTo("gen_ai.evaluation.result");
			assertThat(event.attributes()).containsEntry("gen_ai.evaluation.name", "faithfulness")
				.containsEntry("gen_ai.evaluation.score.value", 0.9)
				.containsEntry("gen_ai.evaluation.explanation", "cites the context");
		});
		assertThat(exported.spans().get(0).events())
			.extracting((event) -> event.attributes().get("gen_ai.evaluation.name"))
			.containsExactly("topic");

		// A score given later is a small span of its own under the span it judges.
		TraceData followUp = TraceData.of(trace.traceId(), null, 0, null, List.of(), true, 0)
			.withScores(List.of(Score.bool("helpful", true).forSpan(llm.spanId())));
		TraceData sent = Evaluations.withEvaluations(followUp);
		assertThat(sent.spans()).singleElement().satisfies((span) -> {
			assertThat(span.name()).isEqualTo("evaluation helpful");
			assertThat(span.parentId()).isEqualTo(llm.spanId());
			assertThat(span.events()).extracting((event) -> event.name()).containsExactly("gen_ai.evaluation.result");
			assertThat(span.attributes()).containsEntry("gen_ai.evaluation.name", "helpful");
		});
	}

}
