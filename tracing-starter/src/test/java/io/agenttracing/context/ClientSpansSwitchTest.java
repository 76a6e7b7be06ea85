package io.agenttracing.context;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agenttracing.SpanData;
import io.agenttracing.TraceData;
import io.agenttracing.annotation.Traced;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code agent.tracing.http.client-spans=false}: no client spans, and the headers still
 * go out.
 */
@SpringBootTest(classes = ClientSpansSwitchTest.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.export.schedule-delay=10ms", "agent.tracing.http.client-spans=false",
				"spring.autoconfigure.exclude=" + HttpPropagationTest.BRAVE })
class ClientSpansSwitchTest {

	@LocalServerPort
	int port;

	@Autowired
	Calls calls;

	@Autowired
	InMemoryTraceExporter memory;

	@Test
	void callsCarryTheTraceWithoutSpansOfTheirOwn() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/both")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		String traceresponse = response.headers().firstValue("traceresponse").orElseThrow();
		String traceId = traceresponse.substring(3, 35);
		assertThat(this.calls.received).hasSize(2);
		// From the controller, with no span running: the request's own root, as
		// traceresponse names it.
		assertThat(this.calls.received.get(0).get("traceparent")).isEqualTo(traceresponse);
		TraceData trace = await().until(() -> this.memory.findById(traceId).orElse(null), (t) -> t != null);
		assertThat(trace.spans()).extracting(SpanData::name).containsExactly("Calls.traced");
		assertThat(this.calls.received.get(1).get("traceparent").substring(36, 52))
			.isEqualTo(trace.span("Calls.traced").spanId());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Calls.class, Caller.class })
	static class Application {

	}

	static class Caller {

		@Traced(name = "Calls.traced")
		public String traced(RestClient restClient, String url) {
			return restClient.get().uri(url).retrieve().body(String.class);
		}

	}

	@RestController
	static class Calls {

		final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

		private final RestClient restClient;

		private final Environment environment;

		private final Caller caller;

		Calls(RestClient.Builder restClient, Environment environment, Caller caller) {
			this.restClient = restClient.build();
			this.environment = environment;
			this.caller = caller;
		}

		private String url() {
			return "http://127.0.0.1:" + this.environment.getProperty("local.server.port") + "/capture";
		}

		@GetMapping("/both")
		String both() {
			String untraced = this.restClient.get().uri(url()).retrieve().body(String.class);
			return untraced + this.caller.traced(this.restClient, url());
		}

		@GetMapping("/capture")
		String capture(@RequestHeader Map<String, String> headers) {
			this.received.add(headers);
			return "ok";
		}

	}

}
