package io.agenttracing.sample;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the sample on one PostgreSQL database
 * ({@code agent.tracing.store=jdbc}), as behind a load balancer: a chat on one and its
 * follow-up on the other are one session seen whole from either, and the traces outlive a
 * restart.
 */
class SharedTraceStoreTest {

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		first = instance();
		second = instance();
	}

	@AfterAll
	static void stop() throws IOException {
		first.close();
		second.close();
		postgres.close();
	}

	static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(SampleAgentApplication.class).run("--server.port=0",
				"--agent.tracing.store=jdbc", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--agent.tracing.store.jdbc.initialize-schema=always",
				"--agent.tracing.exporters.console.enabled=false", "--agent.tracing.export.schedule-delay=10ms",
				"--sample.llm.simulated-latency=1ms", "--management.endpoint.traces.access=unrestricted");
	}

	static Http http(ConfigurableApplicationContext context) {
		return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@Test
	void aConversationAcrossInstancesIsOneSessionSeenFromEither() {
		String onFirst = http(first).chat("shared", "What is 2*21?").json().get("traceId").asString();
		String onSecond = http(second).chat("shared", "And the weather in Rome?").json().get("traceId").asString();

		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			JsonNode session = await().atMost(Duration.ofSeconds(10))
				.until(() -> http(instance).get("/actuator/traces?session=shared").json().get("traces"),
						(traces) -> traces.size() == 2);
			assertThat(session.findValuesAsString("traceId")).containsExactly(onSecond, onFirst);
			JsonNode trace = http(instance).get("/actuator/traces/" + onFirst).json();
			assertThat(trace.get("name").asString()).isEqualTo("ChatWorkflow.handle");
			assertThat(trace.get("spans").size()).isGreaterThan(3);
		}
		// Feedback given on the other instance reaches the same stored trace.
		assertThat(http(second).postJson("/api/agent/feedback", Map.of("traceId", onFirst, "helpful", true)).status())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> http(first).get("/actuator/traces/" + onFirst).json().get("scores").size() == 1);
	}

	@Test
	void tracesOutliveARestart() {
		String traceId = http(first).chat("restart", "What is 6*7?").json().get("traceId").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> http(first).get("/actuator/traces/" + traceId).status() == 200);

		ConfigurableApplicationContext restarted = instance();
		try {
			assertThat(http(restarted).get("/actuator/traces/" + traceId).status()).isEqualTo(200);
			assertThat(http(restarted).get("/actuator/traces?q=6*7").json().get("traces").findValuesAsString("traceId"))
				.contains(traceId);
		}
		finally {
			restarted.close();
		}
	}

}
