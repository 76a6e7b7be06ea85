package io.agenttracing.stockapp;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock application with virtual threads on (Java 21+; run on the Temurin 25 JDK):
 * Boot's executor runs {@code @Async} work on virtual threads, and it still joins the
 * request's trace.
 */
@Tag("virtual-threads")
@SpringBootTest(classes = StockApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.threads.virtual.enabled=true")
class VirtualThreadsStockApplicationTest {

	@LocalServerPort
	int port;

	@Test
	void asyncWorkOnVirtualThreadsJoinsTheRequestsTrace() {
		TracesClient client = new TracesClient(this.port);
		JsonNode answer = client.json("POST", "/chat?message=tides");
		assertThat(answer.get("answer").asString()).contains("on virtual ");
		JsonNode trace = client.trace(answer.get("traceId").asString(), 7);
		assertThat(TracesClient.parents(trace)).containsAllEntriesOf(Map.of("Agent.respond", "-", "Tools.lookup",
				"Agent.respond", "Memory.load", "Agent.respond", "summarize.step", "Summarizer.summarize"));
	}

}
