package io.agenttracing.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agenttracing.sample.Http.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.exporters.console.enabled=false", "agent.tracing.export.schedule-delay=10ms",
				"sample.llm.simulated-latency=1ms",
				// Clearing the store between tests needs more than the endpoint's default
				// read-only access.
				"management.endpoint.traces.access=unrestricted" })
class ChatTracingTest {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
		assertThat(this.http.delete("/actuator/traces").status()).isEqualTo(204);
	}

	private JsonNode awaitTrace(String traceId) {
		return this.http.chatTrace(traceId);
	}

	@Test
	void chatProducesOneTraceWithTheAgentTree() {
		Response chat = this.http.chat("session-1", "What is (12+3)*7, and what is the weather in Atlantis?");
		assertThat(chat.status()).isEqualTo(200);
		JsonNode answer = chat.json();
		assertThat(answer.get("answer").asString()).contains("(12+3)*7 = 105")
			.contains("No weather station in Atlantis");
		String traceId = answer.get("traceId").asString();
		assertThat(traceId).matches("[0-9a-f]{32}");

		JsonNode trace = awaitTrace(traceId);
		assertThat(trace.get("traceId").asString()).isEqualTo(traceId);
		assertThat(trace.get("name").asString()).isEqualTo("ChatWorkflow.handle");
		assertThat(trace.get("status").asString()).isEqualTo("OK");
		assertThat(trace.get("durationMs").asDouble()).isPositive();

		Map<String, JsonNode> byId = new HashMap<>();
		List<JsonNode> spans = new ArrayList<>();
		trace.get("spans").forEach((span) -> {
			spans.add(span);
			byId.put(span.get("spanId").asString(), span);
		});
		List<JsonNode> roots = spans.stream().filter((span) -> span.get("parentId").isNull()).toList();
		assertThat(roots).singleElement().satisfies((root) -> {
			assertThat(root.get("name").asString()).isEqualTo("ChatWorkflow.handle");
			assertThat(root.get("kind").asString()).isEqualTo("WORKFLOW");
			assertThat(root.get("input").get("sessionId").asString()).isEqualTo("session-1");
		});
		assertThat(spans).extracting((span) -> span.get("kind").asString())
			.contains("WORKFLOW", "AGENT", "LLM", "TOOL", "MEMORY", "NETWORK");
		assertThat(spans).allSatisfy((span) -> {
			assertThat(span.get("sessionId").asString()).isEqualTo("session-1");
			assertThat(span.get("spanId").asString()).matches("[0-9a-f]{16}");
			assertThat(span.get("endTime").isNull()).isFalse();
		});

		assertThat(parentName(byId, span(spans, "ConversationMemory.load"))).isEqualTo("ChatWorkflow.handle");
		assertThat(parentName(byId, span(spans, "KnowledgeClient.search"))).isEqualTo("ChatWorkflow.handle");
		assertThat(parentName(byId, span(spans, "ResearchAgent.respond"))).isEqualTo("ChatWorkflow.handle");
		assertThat(parentName(byId, span(spans, "CalculatorTool.call"))).isEqualTo("ResearchAgent.respond");
		// The knowledge endpoint's own span, from the request the NETWORK span made,
		// joined the trace.
		assertThat(parentName(byId, span(spans, "KnowledgeController.search"))).isEqualTo("KnowledgeClient.search");

		List<JsonNode> llmCalls = spans.stream().filter((span) -> span.get("kind").asString().equals("LLM")).toList();
		assertThat(llmCalls).hasSize(2).allSatisfy((llm) -> {
			assertThat(parentName(byId, llm)).isEqualTo("ResearchAgent.respond");
			JsonNode attributes = llm.get("attributes");
			assertThat(attributes.get("gen_ai.request.model").asString()).isEqualTo("sim-reasoner-1");
			assertThat(attributes.get("gen_ai.usage.input_tokens").asLong()).isPositive();
			assertThat(attributes.get("gen_ai.usage.output_tokens").asLong()).isPositive();
		});

		JsonNode weather = span(spans, "WeatherTool.call");
		assertThat(weather.get("kind").asString()).isEqualTo("TOOL");
		assertThat(weather.get("status").asString()).isEqualTo("ERROR");
		assertThat(weather.get("error").get("type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(weather.get("error").get("message").asString()).isEqualTo("No weather station in Atlantis");
		assertThat(weather.get("events").get(0).get("name").asString()).isEqualTo("exception");
		assertThat(weather.get("attributes").get("weather.city").asString()).isEqualTo("Atlantis");

		JsonNode network = span(spans, "KnowledgeClient.search");
		assertThat(network.get("attributes").get("knowledge.query").asString()).contains("weather in Atlantis");
		assertThat(network.get("output").isArray()).isTrue();

		JsonNode calculator = span(spans, "CalculatorTool.call");
		assertThat(calculator.get("input").get("arguments").get("expression").asString()).isEqualTo("(12+3)*7");
		assertThat(calculator.get("output").asString()).isEqualTo("(12+3)*7 = 105");
	}

	@Test
	void listShowsNewestFirstAndFilters() {
		String first = this.http.chat("alpha", "What is 1+1?").json().get("traceId").asString();
		String second = this.http.chat("beta", "What is the weather in Atlantis?").json().get("traceId").asString();
		awaitTrace(first);
		awaitTrace(second);

		JsonNode list = this.http.get("/actuator/traces").json().get("traces");
		assertThat(list).hasSize(2);
		assertThat(list.get(0).get("traceId").asString()).isEqualTo(second);
		assertThat(list.get(1).get("traceId").asString()).isEqualTo(first);
		JsonNode summary = list.get(1);
		assertThat(summary.propertyNames()).containsExactly("traceId", "name", "kind", "status", "startTime",
				"durationMs", "spanCount", "errorCount", "level", "sessionId", "sessionName", "userId", "tags",
				"totalTokens", "totalCost", "droppedSpans", "incomplete", "scores");
		assertThat(summary.get("kind").asString()).isEqualTo("WORKFLOW");
		assertThat(summary.get("sessionId").asString()).isEqualTo("alpha");
		assertThat(summary.get("spanCount").asInt()).isGreaterThanOrEqualTo(7);

		JsonNode beta = this.http.get("/actuator/traces?session=beta").json().get("traces");
		assertThat(beta).singleElement().satisfies((t) -> assertThat(t.get("traceId").asString()).isEqualTo(second));
		assertThat(this.http.get("/actuator/traces?limit=1").json().get("traces")).hasSize(1);
		// kind matches any span of the trace: both chats called the LLM, neither has a
		// bare INTERNAL span.
		assertThat(this.http.get("/actuator/traces?kind=LLM").json().get("traces")).hasSize(2);
		assertThat(this.http.get("/actuator/traces?kind=INTERNAL").json().get("traces")).isEmpty();
		assertThat(this.http.get("/actuator/traces?kind=nonsense").status()).isEqualTo(400);
		assertThat(this.http.get("/actuator/traces?level=LOUD").status()).isEqualTo(400);
		assertThat(this.http.get("/actuator/traces?level=INFO").json().get("traces")).hasSize(2);
		// The chat whose tool failed reaches ERROR, and so WARNING.
		assertThat(this.http.get("/actuator/traces?level=WARNING").json().get("traces")).hasSize(1);
		assertThat(this.http.get("/actuator/traces?level=WARNING").json().get("traces").get(0).get("level").asString())
			.isEqualTo("ERROR");
		assertThat(this.http.get("/actuator/traces?status=OK&kind=WORKFLOW").json().get("traces")).hasSize(2);
	}

	@Test
	void unknownTraceIs404AndDeleteClears() {
		assertThat(this.http.get("/actuator/traces/0123456789abcdef0123456789abcdef").status()).isEqualTo(404);
		String traceId = this.http.chat("gamma", "Tell me about tracing").json().get("traceId").asString();
		awaitTrace(traceId);
		assertThat(this.http.delete("/actuator/traces").status()).isEqualTo(204);
		assertThat(this.http.get("/actuator/traces/" + traceId).status()).isEqualTo(404);
		assertThat(this.http.get("/actuator/traces").json().get("traces")).isEmpty();
	}

	@Test
	void detailHasTheContractFields() {
		String traceId = this.http.chat("delta", "What is 2*21?").json().get("traceId").asString();
		JsonNode trace = awaitTrace(traceId);
		assertThat(trace.propertyNames()).containsExactly("traceId", "name", "status", "startTime", "durationMs",
				"sessionId", "sessionName", "userId", "tags", "totalTokens", "totalCost", "droppedSpans", "incomplete",
				"fragment", "scores", "spans");
		assertThat(trace.get("spans").get(0).propertyNames()).contains("spanId", "parentId", "name", "kind", "status",
				"startTime", "endTime", "durationMs", "sessionId", "attributes", "events", "error", "input", "output",
				"signals");
	}

	private static JsonNode span(List<JsonNode> spans, String name) {
		return spans.stream().filter((span) -> span.get("name").asString().equals(name)).findFirst().orElseThrow();
	}

	private static String parentName(Map<String, JsonNode> byId, JsonNode span) {
		return byId.get(span.get("parentId").asString()).get("name").asString();
	}

	@Test
	void feedbackOnAnAnswerIsAUserScoreOnItsTrace() {
		String traceId = this.http.chat("feedback", "What is 2*21?").json().get("traceId").asString();
		awaitTrace(traceId);

		Response added = this.http.postJson("/api/agent/feedback",
				java.util.Map.of("traceId", traceId, "helpful", true, "comment", "exactly right"));
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.json().get("outcome").asString()).isEqualTo("ADDED");
		JsonNode score = org.awaitility.Awaitility.await()
			.until(() -> this.http.get("/actuator/traces/" + traceId).json().get("scores"),
					(scores) -> scores.size() == 1)
			.get(0);
		assertThat(score.get("name").asString()).isEqualTo("helpful");
		assertThat(score.get("type").asString()).isEqualTo("BOOLEAN");
		assertThat(score.get("value").asDouble()).isEqualTo(1.0);
		assertThat(score.get("source").asString()).isEqualTo("USER_FEEDBACK");
		assertThat(score.get("comment").asString()).isEqualTo("exactly right");

		assertThat(this.http
			.postJson("/api/agent/feedback",
					java.util.Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "helpful", true))
			.status()).isEqualTo(404);
		assertThat(this.http.postJson("/api/agent/feedback", java.util.Map.of("traceId", traceId)).status())
			.isEqualTo(400);
	}

}
