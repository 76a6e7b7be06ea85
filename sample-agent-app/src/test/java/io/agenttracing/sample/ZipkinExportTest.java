package io.agenttracing.sample;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

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
 * The sample app's chat trace exported to a real Zipkin server and read back from its
 * API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.exporters.console.enabled=false", "agent.tracing.export.schedule-delay=10ms",
				"sample.llm.simulated-latency=1ms", "agent.tracing.exporters.zipkin.enabled=true" })
class ZipkinExportTest {

	static final ZipkinServer zipkin = ZipkinServer.start();

	@DynamicPropertySource
	static void zipkinEndpoint(DynamicPropertyRegistry registry) {
		registry.add("agent.tracing.exporters.zipkin.endpoint", zipkin::spansEndpoint);
	}

	@AfterAll
	static void stop() {
		zipkin.close();
	}

	@LocalServerPort
	int port;

	@Test
	void chatTraceReadsBackFromZipkin() {
		Http http = new Http(this.port);
		String traceId = http.chat("zipkin-session", "What is 6*7 and the weather in Atlantis?")
			.json()
			.get("traceId")
			.asString();
		JsonNode ours = http.chatTrace(traceId);
		int spanCount = ours.get("spans").size();
		JsonNode theirs = await().atMost(Duration.ofSeconds(30))
			.until(() -> zipkin.trace(traceId), (spans) -> spans.size() == spanCount);

		Map<String, JsonNode> zipkinById = new HashMap<>();
		theirs.forEach((span) -> zipkinById.put(span.get("id").asString(), span));
		for (JsonNode span : ours.get("spans")) {
			JsonNode stored = zipkinById.get(span.get("spanId").asString());
			assertThat(stored).as(span.get("name").asString()).isNotNull();
			assertThat(stored.get("traceId").asString()).isEqualTo(traceId);
			if (span.get("parentId").isNull()) {
				assertThat(stored.has("parentId")).isFalse();
			}
			else {
				assertThat(stored.get("parentId").asString()).isEqualTo(span.get("parentId").asString());
			}
			assertThat(stored.get("localEndpoint").get("serviceName").asString()).isEqualTo("sample-agent-app");
			assertThat(stored.get("tags").get("agent.span.kind").asString()).isEqualTo(span.get("kind").asString());
			assertThat(stored.get("tags").get("session.id").asString()).isEqualTo("zipkin-session");
			assertThat(stored.get("tags").has("error")).isEqualTo(span.get("status").asString().equals("ERROR"));
		}
		JsonNode weather = theirs.valueStream()
			.filter((span) -> span.get("tags").get("agent.span.kind").asString().equals("TOOL")
					&& span.get("tags").has("error"))
			.findFirst()
			.orElseThrow();
		assertThat(weather.get("tags").get("error").asString()).isEqualTo("No weather station in Atlantis");
		assertThat(weather.get("annotations").get(0).get("value").asString()).isEqualTo("exception");
	}

}
