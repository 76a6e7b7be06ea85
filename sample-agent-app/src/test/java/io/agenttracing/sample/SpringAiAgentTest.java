package io.agenttracing.sample;

import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import io.agenttracing.test.CapturedTraces;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.agenttracing.test.TraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring AI agent, which has no tracing code, over real HTTP: its trace shows the
 * ChatClient call, the model calls, the tool calls and chat memory, with prompts, tool
 * input and output, tokens and cost.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.exporters.console.enabled=false" })
class SpringAiAgentTest {

	@LocalServerPort
	int port;

	@Autowired
	CapturedTraces traces;

	@Test
	void aChatIsOneTraceOfAgentModelToolsAndModel() {
		JsonNode answer = chat("sa-1", "What is the weather in Paris, and 2*21?");

		assertThat(answer.get("answer").asString()).contains("Paris").contains("2*21 = 42");
		assertThat(answer.get("toolsUsed").toString()).contains("weather").contains("calculator");
		TraceData trace = this.traces.await(answer.get("traceId").asString());
		assertThat(trace).hasSession("sa-1").hasNoErrors();
		assertThat(trace).hasSpanNamed("ChatClient.call").ofKind(SpanKind.AGENT);
		assertThat(trace).span("ChatClient.call").hasChild("MessageChatMemoryAdvisor");
		assertThat(trace).hasSpanNamed("MessageChatMemoryAdvisor").ofKind(SpanKind.MEMORY);
		assertThat(trace).spans().ofKind(SpanKind.LLM).hasSize(2);
		assertThat(trace).spans().ofKind(SpanKind.TOOL).hasSize(2);
		assertThat(trace).hasSpanNamed("weather").ofKind(SpanKind.TOOL).input("$.city").isEqualTo("Paris");
		assertThat(trace).hasSpanNamed("calculator").output().contains("2*21 = 42");
		assertThat(trace).hasSpanNamed("chat sim-reasoner-1")
			.ofKind(SpanKind.LLM)
			.hasAttribute("gen_ai.provider.name", "simulated")
			.hasAttribute(Span.COST_ATTRIBUTE)
			.input()
			.contains("You are a helpful assistant")
			.contains("What is the weather in Paris");
		assertThat(trace).totalTokens().isPositive();
		assertThat(trace.totalCost()).isPositive();
	}

	@Test
	void aFailingToolIsAnErrorSpanInAnAnswerThatSucceeds() {
		JsonNode answer = chat("sa-2", "And the weather in Atlantis?");

		assertThat(answer.get("answer").asString()).contains("Atlantis");
		TraceData trace = this.traces.await(answer.get("traceId").asString());
		assertThat(trace).hasSpanNamed("weather")
			.ofKind(SpanKind.TOOL)
			.hasStatus(SpanStatus.ERROR)
			.errorMessage()
			.contains("No weather station in Atlantis");
		assertThat(trace).hasSpanNamed("ChatClient.call").hasStatus(SpanStatus.OK);
	}

	private JsonNode chat(String sessionId, String message) {
		Http.Response response = new Http(this.port).postJson("/api/agent/spring-ai/chat",
				Map.of("sessionId", sessionId, "message", message));
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

}
