package io.agenttracing.test;

import java.util.List;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.agenttracing.Span;
import io.agenttracing.Score;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import io.agenttracing.Tracing;
import io.agenttracing.annotation.SessionId;
import io.agenttracing.annotation.Traced;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static io.agenttracing.test.TraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test kit in a user's {@code @SpringBootTest}: read the trace right after the call
 * and assert on it.
 */
@SpringBootTest(classes = TraceAssertionsTest.Application.class,
		properties = "agent.tracing.evaluation.tool-errors.enabled=true")
class TraceAssertionsTest {

	@Autowired
	Agent agent;

	@Autowired
	CapturedTraces traces;

	@Test
	void aTestReadsTheTraceRightAfterTheCall() {
		this.agent.respond("s1", "weather in Atlantis");
		// No polling: the trace is there as soon as the call returns.
		assertThat(this.traces.last()).hasSession("s1")
			.hasSpanNamed("WeatherTool.call")
			.ofKind(SpanKind.TOOL)
			.hasStatus(SpanStatus.ERROR)
			.hasErrorOfType(IllegalStateException.class)
			.hasParent("Agent.respond");
		assertThat(this.traces.last()).spans().ofKind(SpanKind.LLM).hasSize(2);
		assertThat(this.traces.last()).totalTokens().isEqualTo(2 * (120 + 30)).isLessThan(2_000);
		assertThat(this.traces.last()).span("Agent.respond")
			.ofKind(SpanKind.AGENT)
			.hasChild("Llm.complete")
			.hasAttribute("gen_ai.request.model", "sim-1")
			.input("$.messages[0]")
			.isEqualTo("weather in Atlantis");
		assertThat(this.traces.last()).span("Agent.respond").input("$.prompt").isEqualTo("weather in Atlantis");
		assertThat(this.traces.last()).span("WeatherTool.call").input("/city").isEqualTo("Atlantis");
		assertThat(this.traces.last()).span("Agent.respond")
			.output("$")
			.isEqualTo("I could not reach the weather service");
	}

	@Test
	void failuresSayWhatTheAgentDidInstead() {
		this.agent.respond("s2", "weather in Atlantis");
		assertThatThrownBy(() -> assertThat(this.traces.last()).hasNoErrors()).isInstanceOf(AssertionError.class)
			.hasMessageContaining("WeatherTool.call (No weather station in Atlantis)");
		assertThatThrownBy(() -> assertThat(this.traces.last()).hasSpanNamed("SearchTool.call"))
			.hasMessageContaining("Agent.respond [AGENT]")
			.hasMessageContaining("WeatherTool.call [TOOL]");
		assertThatThrownBy(() -> assertThat(this.traces.last()).spans().ofKind(SpanKind.LLM).hasSize(3))
			.hasMessageContaining("Expected 3 spans of kind LLM")
			.hasMessageContaining("found 2");
		assertThatThrownBy(() -> assertThat(this.traces.last()).totalTokens().isLessThan(100))
			.hasMessageContaining("total tokens");
	}

	// Each of these two sees only its own trace, whichever runs first: the kit forgets
	// the traces before every test method.
	@Test
	void eachTestSeesOnlyItsOwnTraces() {
		this.agent.respond("own-1", "first");
		org.assertj.core.api.Assertions.assertThat(this.traces.single().sessionId()).isEqualTo("own-1");
	}

	@Test
	void eachTestSeesOnlyItsOwnTracesToo() {
		this.agent.respond("own-2", "second");
		org.assertj.core.api.Assertions.assertThat(this.traces.single().sessionId()).isEqualTo("own-2");
	}

	@Test
	void tracesAreKeptInOrderAndCanBeCleared() {
		this.agent.respond("a", "first");
		this.agent.respond("b", "second");
		org.assertj.core.api.Assertions.assertThat(this.traces.all())
			.extracting((t) -> t.sessionId())
			.containsExactly("a", "b");
		this.traces.clear();
		org.assertj.core.api.Assertions.assertThat(this.traces.all()).isEmpty();
		assertThatThrownBy(this.traces::last).hasMessageContaining("No trace was finished");
	}

	@Test
	void awaitWaitsForATraceFinishedElsewhere() throws Exception {
		// As a request served by a real server: the trace finishes on the server's
		// thread, and the test knows only its id.
		BlockingQueue<String> traceIds = new ArrayBlockingQueue<>(1);
		Thread server = new Thread(() -> {
			try (Span span = Tracing.startSpan("Handler.serve", SpanKind.INTERNAL)) {
				traceIds.add(span.traceId());
			}
		});
		server.start();
		String traceId = traceIds.take();
		assertThat(this.traces.await(traceId)).hasSpanNamed("Handler.serve").ofKind(SpanKind.INTERNAL);
		server.join();
	}

	@Autowired
	Score.Recorder scores;

	@Autowired
	List<Score.Evaluator> evaluators;

	@Test
	void scoresAreAssertedLikeSpans() {
		this.agent.respond("s2", "weather in Rome");
		String traceId = this.traces.last().traceId();
		this.scores.add(traceId, null,
				Score.numeric("helpfulness", 4).withSource(Score.USER_FEEDBACK).withComment("good enough"));

		assertThat(this.traces.await(traceId)).hasScore("helpfulness")
			.withValue(4)
			.fromSource(Score.USER_FEEDBACK)
			.comment()
			.isEqualTo("good enough");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.traces.last()).hasScore("relevance"))
			.withMessageContaining("helpfulness");
	}

	@Test
	void theApplicationsEvaluatorsRunOnATraceInATest() {
		this.agent.respond("s3", "weather in Atlantis");

		TraceData judged = TraceEvaluations.evaluate(this.traces.last(), this.evaluators);
		assertThat(judged).hasScore("tool_success").withValue(false).fromSource(Score.EVALUATOR);
		// The answer, "I could not reach the weather service", as captured JSON.
		assertThat(judged).hasScore("answer_words").withValue(7);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Agent.class, Llm.class, WeatherTool.class })
	static class Application {

		/** An evaluator of the application's own, beside the built-in one switched on. */
		@Bean
		Score.Evaluator answerWords() {
			return (trace) -> List
				.of(Score.numeric("answer_words", String.valueOf(trace.spans().get(0).output()).split("\\s+").length));
		}

	}

	static class Agent {

		private final Llm llm;

		private final WeatherTool weather;

		Agent(Llm llm, WeatherTool weather) {
			this.llm = llm;
			this.weather = weather;
		}

		@Traced(kind = SpanKind.AGENT)
		public String respond(@SessionId String session, String prompt) {
			this.llm.complete(List.of(prompt));
			String answer;
			try {
				answer = this.weather.call(prompt.substring(prompt.lastIndexOf(' ') + 1));
			}
			catch (IllegalStateException ex) {
				answer = "I could not reach the weather service";
			}
			this.llm.complete(List.of(prompt, answer));
			return answer;
		}

	}

	static class Llm {

		@Traced(kind = SpanKind.LLM)
		public String complete(List<String> messages) {
			Tracing.currentSpan().setModel("sim-1").setTokenUsage(120, 30);
			return "ok";
		}

	}

	static class WeatherTool {

		@Traced(kind = SpanKind.TOOL)
		public String call(String city) {
			throw new IllegalStateException("No weather station in " + city);
		}

	}

}
