package io.agenttracing.agentapps.langchain4j;

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

/**
 * A LangChain4j agent with an AI service, tools, chat memory and streaming, against an
 * OpenAI-compatible server on loopback: each invocation is an AGENT span with its model
 * calls and tools under it, however the service was built.
 */
@SpringBootTest(classes = LangChain4jAgentApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.ai.openai.api-key=unused", "management.endpoints.web.exposure.include=traces",
				"agent.tracing.exporters.console.enabled=false", "agent.tracing.export.schedule-delay=10ms",
				"agent.tracing.exporters.otlp.enabled=true" })
class LangChain4jAgentApplicationTest {

	static final FakeOpenAiServer model = new FakeOpenAiServer();

	static final OtlpReceiver collector = new OtlpReceiver();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void modelServer(DynamicPropertyRegistry registry) {
		registry.add("model.base-url", model::baseUrl);
		registry.add("agent.tracing.exporters.otlp.endpoint", collector::endpoint);
	}

	@AfterAll
	static void stopModel() {
		model.close();
		collector.close();
	}

	@Test
	void anAiServiceInvocationIsAnAgentSpanWithItsModelCallsAndTools() {
		AgentAppClient app = new AgentAppClient(this.port);
		HttpResponse<String> response = app.post("/chat",
				"{\"conversation\":\"lc-weather\",\"message\":\"What is the weather in Paris?\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Here is what I found: Sunny, 21 degrees in Paris");

		JsonNode trace = app.trace(AgentAppClient.traceId(response), 4);
		assertThat(AgentAppClient.tree(trace)).containsExactly("ShopAssistant.chat [AGENT] < -",
				"chat gpt-4o-mini [LLM] < ShopAssistant.chat", "chat gpt-4o-mini [LLM] < ShopAssistant.chat",
				"weather [TOOL] < ShopAssistant.chat");
		assertThat(trace.get("name").asString()).isEqualTo("ShopAssistant.chat");
		assertThat(trace.get("sessionId").asString()).isEqualTo("lc-weather");
		assertThat(trace.get("totalTokens").asInt()).isEqualTo(2 * (PROMPT_TOKENS + COMPLETION_TOKENS));
		JsonNode agent = AgentAppClient.spans(trace, "AGENT").get(0);
		assertThat(agent.get("input").get("user").asString()).isEqualTo("What is the weather in Paris?");
		assertThat(agent.get("output").asString()).isEqualTo("Here is what I found: Sunny, 21 degrees in Paris");
		assertThat(agent.get("attributes").get("gen_ai.operation.name").asString()).isEqualTo("invoke_agent");
		JsonNode tool = AgentAppClient.spans(trace, "TOOL").get(0);
		assertThat(tool.get("input").get("city").asString()).isEqualTo("Paris");
		assertThat(tool.get("output").asString()).isEqualTo("Sunny, 21 degrees in Paris");
		assertThat(tool.get("attributes").get("gen_ai.tool.call.id").asString()).isEqualTo("call_weather_1");
		JsonNode firstCall = AgentAppClient.spans(trace, "LLM").get(0).get("attributes");
		assertThat(firstCall.get("gen_ai.provider.name").asString()).isEqualTo("openai");
		assertThat(firstCall.get("gen_ai.response.finish_reasons").get(0).asString()).isEqualTo("tool_calls");
	}

	@Test
	void aThrowingToolIsAnErrorSpanAndTheAnswerIsUnchanged() {
		AgentAppClient app = new AgentAppClient(this.port);
		HttpResponse<String> response = app.post("/chat",
				"{\"conversation\":\"lc-order\",\"message\":\"Where is my order A-17?\"}");
		// LangChain4j hands the tool's failure to the model, which answers from it.
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("order service unavailable for A-17");

		String traceId = AgentAppClient.traceId(response);
		JsonNode tool = AgentAppClient.spans(app.trace(traceId, 4), "TOOL").get(0);
		assertThat(tool.get("name").asString()).isEqualTo("lookupOrder");
		assertThat(tool.get("status").asString()).isEqualTo("ERROR");
		assertThat(tool.get("error").get("message").asString()).isEqualTo("order service unavailable for A-17");
		JsonNode summary = app.summary(traceId);
		assertThat(summary.get("errorCount").asInt()).isEqualTo(1);
	}

	@Test
	void aStreamedInvocationHasTheSameTree() {
		AgentAppClient app = new AgentAppClient(this.port);
		HttpResponse<String> response = app.post("/stream",
				"{\"conversation\":\"lc-stream\",\"message\":\"What is the weather in Paris?\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Here is what I found: Sunny, 21 degrees in Paris");

		JsonNode trace = app.trace(AgentAppClient.traceId(response), 4);
		assertThat(AgentAppClient.tree(trace)).containsExactly("ShopAssistant.stream [AGENT] < -",
				"chat gpt-4o-mini [LLM] < ShopAssistant.stream", "chat gpt-4o-mini [LLM] < ShopAssistant.stream",
				"weather [TOOL] < ShopAssistant.stream");
		assertThat(AgentAppClient.spans(trace, "AGENT").get(0).get("output").asString())
			.isEqualTo("Here is what I found: Sunny, 21 degrees in Paris");
		assertThat(trace.get("totalTokens").asInt()).isEqualTo(2 * (PROMPT_TOKENS + COMPLETION_TOKENS));
		// Each streamed model call knows when its first chunk came.
		assertThat(AgentAppClient.spans(trace, "LLM")).hasSize(2).allSatisfy((call) -> {
			assertThat(call.get("attributes").get("gen_ai.request.stream").asBoolean()).isTrue();
			assertThat(call.get("attributes").get("gen_ai.response.time_to_first_chunk").asDouble()).isPositive()
				.isLessThanOrEqualTo(call.get("durationMs").asDouble() / 1000);
		});
		// The request thread is left as it was found: the next request starts its own
		// trace.
		HttpResponse<String> next = app.post("/chat", "{\"conversation\":\"lc-next\",\"message\":\"Hi\"}");
		assertThat(AgentAppClient.traceId(next)).isNotEqualTo(AgentAppClient.traceId(response));
		assertThat(AgentAppClient.tree(app.trace(AgentAppClient.traceId(next), 2)))
			.containsExactly("ShopAssistant.chat [AGENT] < -", "chat gpt-4o-mini [LLM] < ShopAssistant.chat");
	}

	@Test
	void aServiceAlsoTracedByHandIsRecordedOnce() {
		AgentAppClient app = new AgentAppClient(this.port);
		HttpResponse<String> response = app.post("/hand-traced",
				"{\"conversation\":\"lc-hand\",\"message\":\"Where is my order A-17?\"}");
		assertThat(response.statusCode()).isEqualTo(200);

		JsonNode trace = app.trace(AgentAppClient.traceId(response), 4);
		assertThat(AgentAppClient.tree(trace)).containsExactly("ShopAssistant.chat [AGENT] < -",
				"chat gpt-4o-mini [LLM] < ShopAssistant.chat", "chat gpt-4o-mini [LLM] < ShopAssistant.chat",
				"lookupOrder [TOOL] < ShopAssistant.chat");
		List<JsonNode> tools = AgentAppClient.spans(trace, "TOOL");
		assertThat(tools.get(0).get("status").asString()).isEqualTo("ERROR");
	}

	@Test
	void aModelServerFailureAnswersAsBeforeAndItsTraceIsAFailure() {
		AgentAppClient app = new AgentAppClient(this.port);
		HttpResponse<String> response = app.post("/chat",
				"{\"conversation\":\"lc-down\",\"message\":\"model-down, please\"}");
		assertThat(response.statusCode()).isEqualTo(500);

		JsonNode trace = app.trace(AgentAppClient.traceId(response), 2);
		assertThat(trace.get("status").asString()).isEqualTo("ERROR");
		assertThat(AgentAppClient.spans(trace, "AGENT").get(0).get("status").asString()).isEqualTo("ERROR");
		JsonNode call = AgentAppClient.spans(trace, "LLM").get(0);
		assertThat(call.get("status").asString()).isEqualTo("ERROR");
		assertThat(call.get("error").get("type").asString())
			.isEqualTo("dev.langchain4j.exception.InternalServerException");
	}

	@Test
	void theOtlpExportDescribesTheInvocationInTheGenAiConventions() {
		AgentAppClient app = new AgentAppClient(this.port);
		HttpResponse<String> call = app.post("/chat",
				"{\"conversation\":\"otlp-lc\",\"message\":\"What is the weather in Paris?\"}");

		List<io.opentelemetry.proto.trace.v1.Span> spans = GenAiExport.awaitSpans(collector,
				AgentAppClient.traceId(call));
		GenAiExport.assertWeatherChat(spans, "otlp-lc");
		io.opentelemetry.proto.trace.v1.Span agent = spans.stream()
			.filter((span) -> span.getName().equals("ShopAssistant.chat"))
			.findFirst()
			.orElseThrow();
		assertThat(OtlpReceiver.attribute(agent, "gen_ai.operation.name")).isEqualTo("invoke_agent");
		assertThat(OtlpReceiver.attribute(agent, "gen_ai.agent.name")).isEqualTo("ShopAssistant");
	}

}
