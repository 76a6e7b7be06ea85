package io.agenttracing.agentapps.springai;

import java.net.http.HttpResponse;
import java.util.List;

import io.agenttracing.agentapps.AgentAppClient;
import io.agenttracing.agentapps.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tools and a model server that misbehave: the application answers exactly as the same
 * application without tracing does, and the trace shows what happened.
 */
class SpringAiBadInputTest {

	static final FakeOpenAiServer model = new FakeOpenAiServer();

	static ConfigurableApplicationContext traced;

	static ConfigurableApplicationContext untraced;

	@BeforeAll
	static void start() {
		traced = run(true);
		untraced = run(false);
	}

	@AfterAll
	static void stop() {
		traced.close();
		untraced.close();
		model.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Where is my order A-17?", "Send me the sales report", "Do nothing, please",
			"A malformed weather question", "Answer with garbage", "model-down, please" })
	void theApplicationAnswersAsWithoutTracing(String message) {
		String body = "{\"conversation\":\"bad-" + Math.abs(message.hashCode()) + "\",\"message\":\"" + message + "\"}";
		HttpResponse<String> withTracing = new AgentAppClient(port(traced)).post("/chat", body);
		HttpResponse<String> without = new AgentAppClient(port(untraced)).post("/chat", body);

		assertThat(withTracing.statusCode()).isEqualTo(without.statusCode());
		if (without.statusCode() == 200) {
			assertThat(withTracing.body()).isEqualTo(without.body());
		}
		AgentAppClient app = new AgentAppClient(port(traced));
		app.trace(AgentAppClient.traceId(withTracing), 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Send me the sales report", "Do nothing, please" })
	void aHugeOrEmptyToolResultIsRecordedSafely(String message) {
		AgentAppClient app = new AgentAppClient(port(traced));
		HttpResponse<String> response = app.post("/chat", "{\"conversation\":\"odd\",\"message\":\"" + message + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		List<tools.jackson.databind.JsonNode> tools = AgentAppClient
			.spans(app.trace(AgentAppClient.traceId(response), 8), "TOOL");
		assertThat(tools).hasSize(1);
		assertThat(tools.get(0).get("status").asString()).isEqualTo("OK");
		// Two million characters are not kept whole: the capture limit applies.
		assertThat(tools.get(0).path("output").toString().length()).isLessThan(100_000);
	}

	private static ConfigurableApplicationContext run(boolean tracing) {
		return new SpringApplicationBuilder(SpringAiAgentApplication.class).run("--server.port=0",
				"--spring.ai.openai.api-key=sk-test-key-123456", "--spring.ai.openai.chat.options.model=gpt-4o-mini",
				"--spring.ai.openai.base-url=" + model.baseUrl(), "--management.endpoints.web.exposure.include=traces",
				"--agent.tracing.exporters.console.enabled=false", "--agent.tracing.export.schedule-delay=10ms",
				"--agent.tracing.enabled=" + tracing);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
