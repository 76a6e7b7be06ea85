package io.agenttracing.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OpenAI-compatible client against a loopback server that speaks the chat completions
 * API: the first call asks for the calculator, the second answers from its result.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.exporters.console.enabled=false", "agent.tracing.export.schedule-delay=10ms",
				"sample.llm.provider=openai", "sample.llm.api-key=sk-test-123", "sample.llm.model=gpt-test" })
class OpenAiCompatibleClientTest {

	static final List<JsonNode> requests = new CopyOnWriteArrayList<>();

	static final List<String> authorizations = new CopyOnWriteArrayList<>();

	static final HttpServer server = startServer();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void llmUrl(DynamicPropertyRegistry registry) {
		registry.add("sample.llm.base-url", () -> "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
	}

	@AfterAll
	static void stop() {
		server.stop(0);
	}

	@Test
	void chatsThroughTheModelWithFunctionCalling() {
		Http http = new Http(this.port);
		Http.Response response = http.chat("openai-session", "What is six times seven?");
		assertThat(response.status()).isEqualTo(200);
		JsonNode answer = response.json();
		assertThat(answer.get("answer").asString()).isEqualTo("6*7 is 42.");
		assertThat(answer.get("model").asString()).isEqualTo("gpt-test-2026");

		assertThat(requests).hasSize(2);
		assertThat(authorizations).containsOnly("Bearer sk-test-123");
		JsonNode first = requests.get(0);
		assertThat(first.get("model").asString()).isEqualTo("gpt-test");
		assertThat(first.get("tools").findValuesAsString("name")).contains("calculator", "weather");
		JsonNode second = requests.get(1);
		JsonNode toolMessage = second.get("messages").get(second.get("messages").size() - 1);
		assertThat(toolMessage.get("role").asString()).isEqualTo("tool");
		assertThat(toolMessage.get("tool_call_id").asString()).isEqualTo("call_abc");
		assertThat(toolMessage.get("content").asString()).isEqualTo("6*7 = 42");

		String traceId = answer.get("traceId").asString();
		JsonNode trace = await().until(() -> http.get("/actuator/traces/" + traceId), (r) -> r.status() == 200).json();
		List<JsonNode> llmSpans = new java.util.ArrayList<>();
		trace.get("spans").forEach((span) -> {
			if (span.get("kind").asString().equals("LLM")) {
				llmSpans.add(span);
			}
		});
		assertThat(llmSpans).hasSize(2).allSatisfy((span) -> {
			assertThat(span.get("name").asString()).isEqualTo("OpenAiCompatibleLlmClient.complete");
			assertThat(span.get("attributes").get("gen_ai.request.model").asString()).isEqualTo("gpt-test");
			assertThat(span.get("attributes").get("gen_ai.response.model").asString()).isEqualTo("gpt-test-2026");
		});
		assertThat(llmSpans.get(0).get("attributes").get("gen_ai.usage.input_tokens").asLong()).isEqualTo(57);
		assertThat(llmSpans.get(1).get("attributes").get("gen_ai.usage.output_tokens").asLong()).isEqualTo(6);
	}

	private static HttpServer startServer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/v1/chat/completions", OpenAiCompatibleClientTest::complete);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void complete(HttpExchange exchange) throws IOException {
		JsonNode request = Http.JSON.readTree(exchange.getRequestBody());
		requests.add(request);
		authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
		JsonNode messages = request.get("messages");
		boolean answeringTool = messages.get(messages.size() - 1).get("role").asString().equals("tool");
		String body = answeringTool
				? """
						{"model": "gpt-test-2026",
						 "choices": [{"index": 0, "message": {"role": "assistant", "content": "6*7 is 42."}, "finish_reason": "stop"}],
						 "usage": {"prompt_tokens": 80, "completion_tokens": 6, "total_tokens": 86}}
						"""
				: """
						{"model": "gpt-test-2026",
						 "choices": [{"index": 0, "message": {"role": "assistant", "content": null,
						   "tool_calls": [{"id": "call_abc", "type": "function",
						     "function": {"name": "calculator", "arguments": "{\\"expression\\": \\"6*7\\"}"}}]},
						   "finish_reason": "tool_calls"}],
						 "usage": {"prompt_tokens": 57, "completion_tokens": 18, "total_tokens": 75}}
						""";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
