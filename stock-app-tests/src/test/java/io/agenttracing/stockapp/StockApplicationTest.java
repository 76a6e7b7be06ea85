package io.agenttracing.stockapp;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stock Boot 4 application (webmvc, actuator and the starter, nothing else of ours)
 * gets what README promises: one trace per request across {@code @Async}, an executor
 * from Boot's builder and Reactor; a read-only endpoint; one startup line; no warning.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = StockApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StockApplicationTest {

	@LocalServerPort
	int port;

	@Test
	void oneRequestIsOneTraceAcrossAsyncExecutorsAndReactor() {
		TracesClient client = new TracesClient(this.port);
		JsonNode answer = client.json("POST", "/chat?message=tides");
		String traceId = answer.get("traceId").asString();
		JsonNode trace = client.trace(traceId, 7);
		assertThat(TracesClient.parents(trace)).isEqualTo(Map.of("Agent.respond", "-", "Tools.lookup", "Agent.respond",
				"Memory.load", "Agent.respond", "Summarizer.summarize", "Agent.respond", "summarize.step",
				"Summarizer.summarize", "Summarizer.words", "Agent.respond", "words.first", "Summarizer.words"));
		trace.get("spans").forEach((span) -> assertThat(span.get("status").asString()).isEqualTo("OK"));
		// Nothing split off into traces of its own.
		assertThat(client.json("GET", "/actuator/traces").get("traces"))
			.noneSatisfy((t) -> assertThat(t.get("name").asString()).isIn("Tools.lookup", "Memory.load",
					"Summarizer.summarize", "summarize.step", "words.first"));
	}

	@Test
	void aRequestThatFailsInsideAModelCallLeavesItsTraceWithTheError() {
		TracesClient client = new TracesClient(this.port);
		HttpResponse<String> failed = client.send("POST", "/fail?message=tides");
		assertThat(failed.statusCode()).isEqualTo(500);
		String traceresponse = failed.headers().firstValue("traceresponse").orElseThrow();
		String traceId = traceresponse.split("-")[1];
		JsonNode trace = client.trace(traceId, 1);
		assertThat(trace.get("status").asString()).isEqualTo("ERROR");
		JsonNode span = trace.get("spans").get(0);
		assertThat(span.get("name").asString()).isEqualTo("Tools.callModel");
		assertThat(span.get("spanId").asString()).isEqualTo(traceresponse.split("-")[2]);
		assertThat(span.get("error").get("type").asString()).isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void aRequestThatFailsWithNothingTracedStillLeavesTheTraceItsResponseNamed() {
		TracesClient client = new TracesClient(this.port);
		HttpResponse<String> failed = client.send("POST", "/fail-untraced?message=tides");
		assertThat(failed.statusCode()).isEqualTo(500);
		String[] traceresponse = failed.headers().firstValue("traceresponse").orElseThrow().split("-");
		JsonNode trace = client.trace(traceresponse[1], 1);
		assertThat(trace.get("status").asString()).isEqualTo("ERROR");
		JsonNode span = trace.get("spans").get(0);
		assertThat(span.get("spanId").asString()).isEqualTo(traceresponse[2]);
		assertThat(span.get("name").asString()).isEqualTo("POST /fail-untraced");
		assertThat(span.get("error").get("type").asString()).isEqualTo("java.lang.IllegalArgumentException");
		assertThat(span.get("attributes").get("http.response.status_code").asInt()).isEqualTo(500);

		// A request that succeeds and traces nothing exports nothing; the next one,
		// served
		// after it, shows the pipeline has moved past it.
		HttpResponse<String> quiet = client.send("GET", "/actuator/health");
		String quietId = quiet.headers().firstValue("traceresponse").orElseThrow().split("-")[1];

		HttpResponse<String> unavailable = client.send("GET", "/unavailable");
		assertThat(unavailable.statusCode()).isEqualTo(503);
		String unavailableId = unavailable.headers().firstValue("traceresponse").orElseThrow().split("-")[1];
		JsonNode answered = client.trace(unavailableId, 1);
		assertThat(answered.get("status").asString()).isEqualTo("ERROR");
		assertThat(answered.get("spans").get(0).get("attributes").get("http.response.status_code").asInt())
			.isEqualTo(503);
		assertThat(client.send("GET", "/actuator/traces/" + quietId).statusCode()).isEqualTo(404);
	}

	@Test
	void anAsyncCallFromAnUntracedControllerJoinsTheRequestsTrace() {
		TracesClient client = new TracesClient(this.port);
		JsonNode answer = client.json("GET", "/lookup?query=moon");
		JsonNode trace = client.trace(answer.get("traceId").asString(), 1);
		assertThat(TracesClient.names(trace)).containsExactly("Tools.lookup");
		assertThat(answer.get("found").asString()).doesNotContain("http-nio");
	}

	@Test
	void theEndpointIsReadOnlyAndFiltersByAnySpansKind() {
		TracesClient client = new TracesClient(this.port);
		String traceId = client.json("POST", "/chat?message=kinds").get("traceId").asString();
		client.trace(traceId, 7);
		// The root is an AGENT span; the trace holds MEMORY and LLM spans too.
		assertThat(client.json("GET", "/actuator/traces?kind=MEMORY").get("traces"))
			.anySatisfy((t) -> assertThat(t.get("traceId").asString()).isEqualTo(traceId));
		assertThat(client.json("GET", "/actuator/traces?kind=llm").get("traces"))
			.anySatisfy((t) -> assertThat(t.get("traceId").asString()).isEqualTo(traceId));
		assertThat(client.json("GET", "/actuator/traces?kind=NETWORK").get("traces"))
			.noneSatisfy((t) -> assertThat(t.get("traceId").asString()).isEqualTo(traceId));

		HttpResponse<String> badKind = client.send("GET", "/actuator/traces?kind=ROBOT");
		assertThat(badKind.statusCode()).isEqualTo(400);
		assertThat(badKind.body()).contains("ROBOT").contains("LLM").contains("TOOL").contains("WORKFLOW");
		HttpResponse<String> badStatus = client.send("GET", "/actuator/traces?status=MAYBE");
		assertThat(badStatus.statusCode()).isEqualTo(400);
		assertThat(badStatus.body()).contains("MAYBE").contains("ERROR").contains("OK");

		HttpResponse<String> delete = client.send("DELETE", "/actuator/traces");
		assertThat(delete.statusCode()).isGreaterThanOrEqualTo(400);
		// Adding a score is a write too.
		HttpResponse<String> score = client.post("/actuator/traces/" + traceId + "/scores",
				"{\"name\":\"helpful\",\"value\":true}");
		assertThat(score.statusCode()).isGreaterThanOrEqualTo(400);
		assertThat(client.send("GET", "/actuator/traces/" + traceId).statusCode()).isEqualTo(200);
	}

	@Test
	void theTraceViewerIsServedBesideTheEndpoint() {
		TracesClient client = new TracesClient(this.port);
		HttpResponse<String> page = client.send("GET", "/actuator/traces/ui/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).startsWith("default-src 'none'"));
		assertThat(page.body()).contains("<title>Agent traces</title>");
		// A read-only endpoint takes no scores: the page does not offer to add one.
		assertThat(page.body()).contains("data-scores-writable=\"false\"");
		assertThat(client.send("GET", "/actuator/traces/ui/viewer.js").statusCode()).isEqualTo(200);
	}

	@Test
	void startupSaysWhereTracesGoAndWarnsAboutNothing(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getAll())
				.contains("Agent tracing exports to memory; recent traces at http://localhost:" + this.port
						+ "/actuator/traces, viewer at http://localhost:" + this.port + "/actuator/traces/ui/"));
		assertThat(output.getAll()).doesNotContain("is not eligible for getting processed by all BeanPostProcessors")
			.doesNotContain("context-propagation is not on the classpath");
	}

}
