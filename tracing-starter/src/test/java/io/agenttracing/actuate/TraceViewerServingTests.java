package io.agenttracing.actuate;

import io.agenttracing.internal.actuate.TraceViewer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer is served where the {@code traces} endpoint is exposed over HTTP, from the
 * server and base path that serve the actuator, and nowhere else.
 */
class TraceViewerServingTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void servedBesideAnExposedEndpointWithARestrictiveContentSecurityPolicy() throws Exception {
		try (ConfigurableApplicationContext app = start("management.endpoints.web.exposure.include=traces")) {
			int port = port(app, "local.server.port");
			HttpResponse<String> page = get(port, "/actuator/traces/ui/");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(page.headers().firstValue("Content-Security-Policy"))
				.hasValue(TraceViewer.CONTENT_SECURITY_POLICY);
			assertThat(page.body()).contains("<script src=\"viewer.js\" defer></script>")
				.doesNotContain("http://")
				.doesNotContain("https://");
			assertThat(get(port, "/actuator/traces/ui/viewer.js").body()).doesNotContain("http://")
				.doesNotContain("https://");
			assertThat(get(port, "/actuator/traces/ui/viewer.css").headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
			assertThat(get(port, "/actuator/traces/ui").statusCode()).isEqualTo(302);
			assertThat(get(port, "/actuator/traces/ui/secrets.txt").statusCode()).isEqualTo(404);
			assertThat(get(port, "/actuator/traces").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void notServedWhenTheEndpointIsNotExposed() throws Exception {
		try (ConfigurableApplicationContext app = start("management.endpoints.web.exposure.include=health")) {
			assertThat(get(port(app, "local.server.port"), "/actuator/traces/ui/").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void notServedWhenSwitchedOff() throws Exception {
		try (ConfigurableApplicationContext app = start("management.endpoints.web.exposure.include=traces",
				"agent.tracing.ui.enabled=false")) {
			int port = port(app, "local.server.port");
			assertThat(get(port, "/actuator/traces/ui/").statusCode()).isEqualTo(404);
			assertThat(get(port, "/actuator/traces").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void servedOnTheManagementPortOnlyWhenTheActuatorHasItsOwn() throws Exception {
		try (ConfigurableApplicationContext app = start("management.endpoints.web.exposure.include=traces",
				"management.server.port=0", "management.endpoints.web.base-path=/manage")) {
			int management = port(app, "local.management.port");
			assertThat(get(management, "/manage/traces/ui/").statusCode()).isEqualTo(200);
			assertThat(get(management, "/manage/traces/ui/viewer.js").statusCode()).isEqualTo(200);
			assertThat(get(port(app, "local.server.port"), "/manage/traces/ui/").statusCode()).isEqualTo(404);
			assertThat(get(port(app, "local.server.port"), "/actuator/traces/ui/").statusCode()).isEqualTo(404);
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(Application.class)
			.properties("server.port=0", "agent.tracing.exporters.console.enabled=false", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	private static int port(ConfigurableApplicationContext app, String property) {
		return Integer.parseInt(app.getEnvironment().getRequiredProperty(property));
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
