package io.agenttracing.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the sample app as two services: the agent service calls the knowledge
 * service over HTTP. Both export to a real Zipkin server, and one chat that arrives with
 * a {@code traceparent} forms one trace in Zipkin, holding the spans of both services,
 * with the knowledge service's first span a child of the agent service's NETWORK span.
 */
class DistributedTracingTest {

	static final String CALLER_TRACE = "5af7651916cd43dd8448eb211c80319c";

	static final String CALLER_SPAN = "b7ad6b7169203331";

	static ZipkinServer zipkin;

	static ConfigurableApplicationContext knowledgeService;

	static ConfigurableApplicationContext agentService;

	@BeforeAll
	static void start() {
		zipkin = ZipkinServer.start();
		knowledgeService = service("knowledge-service", null);
		agentService = service("agent-service",
				"http://127.0.0.1:" + knowledgeService.getEnvironment().getProperty("local.server.port"));
	}

	private static ConfigurableApplicationContext service(String name, String knowledgeUrl) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=" + name,
				"--agent.tracing.exporters.console.enabled=false", "--agent.tracing.export.schedule-delay=10ms",
				"--agent.tracing.exporters.zipkin.enabled=true",
				"--agent.tracing.exporters.zipkin.endpoint=" + zipkin.spansEndpoint(),
				"--sample.llm.simulated-latency=1ms"));
		if (knowledgeUrl != null) {
			arguments.add("--sample.knowledge.base-url=" + knowledgeUrl);
		}
		return new SpringApplicationBuilder(SampleAgentApplication.class).run(arguments.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		if (agentService != null) {
			agentService.close();
		}
		if (knowledgeService != null) {
			knowledgeService.close();
		}
		if (zipkin != null) {
			zipkin.close();
		}
	}

	@Test
	void oneChatIsOneTraceAcrossTwoServices() throws Exception {
		int port = Integer.parseInt(agentService.getEnvironment().getProperty("local.server.port"));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/agent/chat"))
			.header("Content-Type", "application/json")
			.header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
			.POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"dist-1\",\"message\":\"What is 2+2?\"}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Http.JSON.readTree(response.body()).get("traceId").asString()).isEqualTo(CALLER_TRACE);

		JsonNode spans = await().atMost(Duration.ofSeconds(30))
			.until(() -> zipkin.trace(CALLER_TRACE), (trace) -> services(trace).size() == 2 && trace.size() >= 9);
		assertThat(services(spans)).containsExactlyInAnyOrder("agent-service", "knowledge-service");

		JsonNode agentRoot = find(spans, "agent-service", "WORKFLOW");
		assertThat(agentRoot.get("parentId").asString()).isEqualTo(CALLER_SPAN);
		JsonNode network = find(spans, "agent-service", "NETWORK");
		JsonNode knowledgeFirst = spans.valueStream()
			.filter((span) -> serviceOf(span).equals("knowledge-service"))
			.min((a, b) -> Long.compare(a.get("timestamp").asLong(), b.get("timestamp").asLong()))
			.orElseThrow();
		assertThat(knowledgeFirst.get("parentId").asString()).isEqualTo(network.get("id").asString());
		assertThat(knowledgeFirst.get("tags").get("agent.span.kind").asString()).isEqualTo("MEMORY");
		assertThat(knowledgeFirst.get("tags").get("session.id").asString()).isEqualTo("dist-1");
		assertThat(spans).allSatisfy((span) -> assertThat(span.get("traceId").asString()).isEqualTo(CALLER_TRACE));
	}

	private static Set<String> services(JsonNode spans) {
		return spans.valueStream().map(DistributedTracingTest::serviceOf).collect(Collectors.toSet());
	}

	private static String serviceOf(JsonNode span) {
		return span.get("localEndpoint").get("serviceName").asString();
	}

	private static JsonNode find(JsonNode spans, String service, String kind) {
		return spans.valueStream()
			.filter((span) -> serviceOf(span).equals(service)
					&& span.get("tags").get("agent.span.kind").asString().equals(kind))
			.findFirst()
			.orElseThrow();
	}

}
