package io.agenttracing.sample;

import java.net.ServerSocket;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace store's database down when the application starts: the application starts and
 * answers chats as usual; the endpoint says the store cannot be read (503), never 500.
 */
class TraceStoreDownTest {

	@Test
	void aDatabaseThatGoesDownUnderLoadSlowsNoChat() throws Exception {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleAgentApplication.class).run(
				"--server.port=0", "--agent.tracing.store=jdbc",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.hikari.connection-timeout=500",
				"--agent.tracing.store.jdbc.initialize-schema=always",
				"--agent.tracing.exporters.console.enabled=false", "--agent.tracing.export.schedule-delay=10ms",
				"--sample.llm.simulated-latency=1ms")) {
			Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
			String before = http.chat("load", "What is 2*21?").json().get("traceId").asString();
			Awaitility.await().until(() -> http.get("/actuator/traces/" + before).status() == 200);

			postgres.close();
			for (int i = 0; i < 20; i++) {
				Http.Response chat = http.chat("load", "What is " + i + "*2?");
				assertThat(chat.status()).isEqualTo(200);
			}
			assertThat(http.get("/actuator/traces").status()).isEqualTo(503);
		}
	}

	@Test
	void theApplicationServesWhileItsTraceStoreIsDown() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleAgentApplication.class).run(
				"--server.port=0", "--agent.tracing.store=jdbc",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/traces",
				"--spring.datasource.username=agent", "--spring.datasource.hikari.connection-timeout=500",
				"--spring.datasource.hikari.initialization-fail-timeout=-1",
				"--agent.tracing.exporters.console.enabled=false", "--sample.llm.simulated-latency=1ms")) {
			Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());

			Http.Response chat = http.chat("down", "What is 2*21?");
			assertThat(chat.status()).isEqualTo(200);
			assertThat(chat.json().get("answer").asString()).contains("42");
			Http.Response traces = http.get("/actuator/traces");
			assertThat(traces.status()).isEqualTo(503);
			assertThat(traces.body()).contains("cannot be read");
			assertThat(http.get("/actuator/traces/" + chat.json().get("traceId").asString()).status()).isEqualTo(503);
		}
	}

}
