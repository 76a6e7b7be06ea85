package io.agenttracing.sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.exporters.console.enabled=false", "agent.tracing.export.schedule-delay=10ms",
				"sample.llm.simulated-latency=5ms", "server.tomcat.threads.max=16" })
class ConcurrentChatsTest {

	static final int CHATS = 40;

	@LocalServerPort
	int port;

	@Test
	void concurrentChatsProduceDistinctUncontaminatedTraces() throws Exception {
		Http http = new Http(this.port);
		ExecutorService clients = Executors.newFixedThreadPool(12);
		List<Future<JsonNode>> futures = new ArrayList<>();
		for (int i = 0; i < CHATS; i++) {
			int n = i;
			futures.add(clients.submit(() -> {
				Http.Response response = http.chat("session-" + n, "What is " + n + "+1000?");
				assertThat(response.status()).isEqualTo(200);
				return response.json();
			}));
		}
		List<JsonNode> answers = new ArrayList<>();
		for (Future<JsonNode> future : futures) {
			answers.add(future.get());
		}
		clients.shutdown();

		Set<String> traceIds = new HashSet<>();
		for (int n = 0; n < CHATS; n++) {
			JsonNode answer = answers.get(n);
			assertThat(answer.get("answer").asString()).contains(n + "+1000 = " + (n + 1000));
			traceIds.add(answer.get("traceId").asString());
		}
		assertThat(traceIds).hasSize(CHATS);

		for (int n = 0; n < CHATS; n++) {
			String traceId = answers.get(n).get("traceId").asString();
			String session = "session-" + n;
			String expression = n + "+1000";
			JsonNode trace = http.chatTrace(traceId);
			List<JsonNode> spans = new ArrayList<>();
			trace.get("spans").forEach(spans::add);
			assertThat(spans).hasSize(9);
			assertThat(spans).extracting((span) -> span.get("sessionId").asString()).containsOnly(session);
			assertThat(spans).filteredOn((span) -> span.get("parentId").isNull()).hasSize(1);
			JsonNode calculator = spans.stream()
				.filter((span) -> span.get("name").asString().equals("CalculatorTool.call"))
				.findFirst()
				.orElseThrow();
			assertThat(calculator.get("input").get("arguments").get("expression").asString()).isEqualTo(expression);
			Set<String> ids = new HashSet<>();
			spans.forEach((span) -> ids.add(span.get("spanId").asString()));
			assertThat(spans).filteredOn((span) -> !span.get("parentId").isNull())
				.allSatisfy((span) -> assertThat(ids).contains(span.get("parentId").asString()));
		}
		JsonNode list = http.get("/actuator/traces?limit=1000").json().get("traces");
		assertThat(list).hasSize(CHATS);
	}

}
