package io.agenttracing.agentapps.springai;

import java.net.http.HttpResponse;
import java.util.List;

import io.agenttracing.agentapps.AgentAppClient;
import io.agenttracing.agentapps.FakeOpenAiServer;
import io.agenttracing.agentapps.GenAiExport;
import io.agenttracing.agentapps.OtlpReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.agenttracing.agentapps.FakeOpenAiServer.COMPLETION_TOKENS;
import static io.agenttracing.agentapps.FakeOpenAiServer.PROMPT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest(classes = SpringAiAgentApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.ai.openai.api-key=sk-test-key-123456", "spring.ai.openai.chat.options.model=gpt-4o-mini",
				"management.endpoints.web.exposure.include=traces", "agent.tracing.exporters.console.enabled=false",
				"agent.tracing.export.schedule-delay=10ms", "agent.tracing.exporters.otlp.enabled=true" })
class SpringAiAgentApplicationTest {

	static final FakeOpenAiServer model = new FakeOpenAiServer();

	static final OtlpReceiver collector = new OtlpReceiver();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void modelServer(DynamicPropertyRegistry registry) {
		registry.add("spring.ai.openai.base-url", model::baseUrl);
		registry.add("agent.tracing.exporters.otlp.endpoint", collector::endpoint);
	}

	@AfterAll
	static void stopModel() {
		model.close();
		collector.close();
	}

	@Test
	void anAppBuiltToolCallingAdvisorRunsToolsAsToolSpans() {
		AgentAppClient app = new AgentAppClient(this.port);
		HttpResponse<String> response = app.post("/chat",
				"{\"conversation\":\"c-weather\",\"message\":\"What is the weather in Paris?\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Sunny, 21 degrees in Paris");

		JsonNode trace = app.trace(AgentAppClient.traceId(response), 8);
		assertThat(AgentAppClient.tree(trace)).contains("ChatClient.call [AGENT] < -",
				"MessageChatMemoryAdvisor [MEMORY] < ChatClient.call",
				"Tool Calling Advisor [INTERNAL] < MessageChatMemoryAdvisor", "weather [TOOL] < Tool Calling Advisor");
		assertThat(AgentAppClient.spans(trace, "LLM")).hasSize(2);
		JsonNode tool = AgentAppClient.spans(trace, "TOOL").get(0);
		assertThat(tool.get("status").asString()).isEqualTo("OK");
		assertThat(tool.get("input").get("city").asString()).isEqualTo("Paris");
		assertThat(tool.get("output").asString()).isEqualTo("Sunny, 21 degrees in Paris");
		assertThat(tool.get("attributes").get("gen_ai.tool.description").asString())
			.isEqualTo("Current weather in a city");
		assertThat(trace.get("sessionId").asString()).isEqualTo("c-weather");
		assertThat(trace.get("totalTokens").asInt()).isEqualTo(2 * (PROMPT_TOKENS + COMPLETION_TOKENS));
		// gpt-4o-mini: $0.15 per million input tokens, $0.60 per million output tokens.
		assertThat(trace.get("totalCost").asDouble()).isEqualTo(2 * (40 * 0.15e-6 + 12 * 0.6e-6), within(1e-12));
		JsonNode firstCall = AgentAppClient.spans(trace, "LLM").get(0).get("attributes");
		assertThat(firstCall.get("gen_ai.provider.name").asString()).isEqualTo("openai");
		assertThat(firstCall.get("gen_ai.response.finish_reasons").get(0).asString()).isEqualTo("tool_calls");
		// The model was offered the tools as the application declared them.
		assertThat(model.requests().get(model.requests().size() - 2).get("tools").findValuesAsString("name"))
			.containsExactlyInAnyOrder("weather", "lookupOrder", "salesReport", "nothing");
	}

	@Test
	void toolsTheModelRunsWithSpringAiObservationsAreTracedOnce() {
		AgentAppClient app = new AgentAppClient(this.port);
		HttpResponse<String> response = app.post("/plain", "{\"message\":\"Where is my order A-17?\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("order service unavailable for A-17");

		JsonNode trace = app.trace(AgentAppClient.traceId(response), 4);
		List<JsonNode> tools = AgentAppClient.spans(trace, "TOOL");
		assertThat(tools).hasSize(1);
		assertThat(tools.get(0).get("status").asString()).isEqualTo("ERROR");
		// The observed span knows the call id the model gave.
		assertThat(tools.get(0).get("attributes").get("gen_ai.tool.call.id").asString()).isEqualTo("call_order_1");
		assertThat(AgentAppClient.tree(trace)).contains("lookupOrder [TOOL] < Tool Calling Advisor");
	}

	@Test
	void aThrowingToolIsAnErrorSpanAndTheAnswerIsUnchanged() {
		AgentAppClient app = new AgentAppClient(this.port);
		HttpResponse<String> response = app.post("/chat",
				"{\"conversation\":\"c-order\",\"message\":\"Where is my order A-17?\"}");
		// Spring AI hands the tool's failure to the model, which answers from it.
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("order service unavailable for A-17");

		String traceId = AgentAppClient.traceId(response);
		JsonNode trace = app.trace(traceId, 8);
		JsonNode tool = AgentAppClient.spans(trace, "TOOL").get(0);
		assertThat(tool.get("name").asString()).isEqualTo("lookupOrder");
		assertThat(tool.get("status").asString()).isEqualTo("ERROR");
		assertThat(tool.get("error").get("message").asString()).isEqualTo("order service unavailable for A-17");
		assertThat(tool.get("error").get("type").asString()).isEqualTo("java.lang.IllegalStateException");
		JsonNode summary = app.summary(traceId);
		assertThat(summary.get("errorCount").asInt()).isEqualTo(1);
	}

	@Test
	void aStreamedChatWithToolsHasTheSameTree() {
		AgentAppClient app = new AgentAppClient(this.port);
		HttpResponse<String> response = app.post("/stream",
				"{\"conversation\":\"c-stream\",\"message\":\"What is the weather in Paris?\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("Here is what I found: \"Sunny, 21 degrees in Paris\"");

		JsonNode trace = app.trace(AgentAppClient.traceId(response), 8);
		assertThat(AgentAppClient.tree(trace)).contains("ChatClient.stream [AGENT] < -",
				"weather [TOOL] < ChatClient.stream");
		List<JsonNode> calls = AgentAppClient.spans(trace, "LLM");
		assertThat(calls).hasSize(2).allSatisfy((call) -> {
			assertThat(call.get("attributes").get("gen_ai.usage.input_tokens").asInt()).isEqualTo(PROMPT_TOKENS);
			assertThat(call.get("attributes").get("gen_ai.usage.output_tokens").asInt()).isEqualTo(COMPLETION_TOKENS);
		});
		assertThat(trace.get("totalTokens").asInt()).isEqualTo(2 * (PROMPT_TOKENS + COMPLETION_TOKENS));
		// The answer's model call and the ChatClient call know when their first chunk
		// came.
		JsonNode answer = calls.get(calls.size() - 1).get("attributes");
		assertThat(answer.get("gen_ai.request.stream").asBoolean()).isTrue();
		assertThat(answer.get("gen_ai.response.time_to_first_chunk").asDouble()).isPositive();
		JsonNode call = AgentAppClient.spans(trace, "AGENT").get(0).get("attributes");
		assertThat(call.get("gen_ai.response.time_to_first_chunk").asDouble()).isPositive()
			.isLessThan(AgentAppClient.spans(trace, "AGENT").get(0).get("durationMs").asDouble() / 1000);
	}

	@Test
	void aModelServerFailureAnswersAsBeforeAndItsTraceIsAFailure() {
		AgentAppClient app = new AgentAppClient(this.port);
		HttpResponse<String> response = app.post("/chat",
				"{\"conversation\":\"c-down\",\"message\":\"model-down, please\"}");
		assertThat(response.statusCode()).isEqualTo(500);

		JsonNode trace = app.trace(AgentAppClient.traceId(response), 2);
		assertThat(trace.get("status").asString()).isEqualTo("ERROR");
		JsonNode call = AgentAppClient.spans(trace, "LLM").get(0);
		assertThat(call.get("status").asString()).isEqualTo("ERROR");
		assertThat(call.get("error").get("message").asString()).contains("500");
	}

	@Test
	void theOtlpExportDescribesTheChatInTheGenAiConventions() {
		AgentAppClient app = new AgentAppClient(this.port);
		HttpResponse<String> call = app.post("/chat",
				"{\"conversation\":\"otlp-call\",\"message\":\"What is the weather in Paris?\"}");
		HttpResponse<String> stream = app.post("/stream",
				"{\"conversation\":\"otlp-stream\",\"message\":\"What is the weather in Paris?\"}");

		GenAiExport.assertWeatherChat(GenAiExport.awaitSpans(collector, AgentAppClient.traceId(call)), "otlp-call");
		List<io.opentelemetry.proto.trace.v1.Span> streamed = GenAiExport.awaitSpans(collector,
				AgentAppClient.traceId(stream));
		GenAiExport.assertWeatherChat(streamed, "otlp-stream");
		assertThat(streamed.stream().filter(GenAiExport::isModelCall))
			.allSatisfy((span) -> assertThat(OtlpReceiver.attribute(span, "gen_ai.request.stream")).isEqualTo(true))
			.anySatisfy(
					(span) -> assertThat((Double) OtlpReceiver.attribute(span, "gen_ai.response.time_to_first_chunk"))
						.isPositive());
	}

}
