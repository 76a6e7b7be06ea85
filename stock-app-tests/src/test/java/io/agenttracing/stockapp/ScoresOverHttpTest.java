package io.agenttracing.stockapp;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /actuator/traces/{traceId}/scores} in a stock application whose endpoint
 * allows writes: a score joins the stored trace, a bad body answers 400 naming the
 * problem, an unknown trace 404, never 500.
 */
@SpringBootTest(classes = StockApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "management.endpoint.traces.access=unrestricted")
class ScoresOverHttpTest {

	@LocalServerPort
	int port;

	@Test
	void aUserFeedbackScoreJoinsTheStoredTrace() {
		TracesClient client = new TracesClient(this.port);
		String traceId = client.json("POST", "/chat?message=tides").get("traceId").asString();
		JsonNode trace = client.trace(traceId, 7);
		String spanId = trace.get("spans").get(0).get("spanId").asString();

		HttpResponse<String> added = client.post("/actuator/traces/" + traceId + "/scores",
				"{\"name\":\"helpful\",\"value\":false,\"comment\":\"wrong tide table\"}");
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(added.body()).contains("\"name\":\"helpful\"")
			.contains("\"type\":\"BOOLEAN\"")
			.contains("\"source\":\"USER_FEEDBACK\"");
		assertThat(
				client
					.post("/actuator/traces/" + traceId + "/scores",
							"{\"name\":\"relevance\",\"value\":0.25,\"spanId\":\"" + spanId
									+ "\",\"source\":\"reviewer\"}")
					.statusCode())
			.isEqualTo(200);

		JsonNode scored = await().atMost(Duration.ofSeconds(5))
			.until(() -> client.json("GET", "/actuator/traces/" + traceId), (t) -> t.get("scores").size() == 2);
		JsonNode helpful = scored.get("scores").get(0);
		assertThat(helpful.get("value").asDouble()).isEqualTo(0.0);
		assertThat(helpful.get("comment").asString()).isEqualTo("wrong tide table");
		assertThat(helpful.get("spanId").isNull()).isTrue();
		assertThat(scored.get("scores").get(1).get("spanId").asString()).isEqualTo(spanId);
		assertThat(scored.get("scores").get(1).get("source").asString()).isEqualTo("reviewer");
		assertThat(scored.get("spans")).hasSize(trace.get("spans").size());
		assertThat(client.json("GET", "/actuator/traces?score=helpful%3Dfalse").get("traces"))
			.anySatisfy((t) -> assertThat(t.get("traceId").asString()).isEqualTo(traceId));
		assertThat(client.json("GET", "/actuator/traces?score=relevance%3E0.5").get("traces"))
			.noneSatisfy((t) -> assertThat(t.get("traceId").asString()).isEqualTo(traceId));
	}

	@Test
	void thePageOffersToAddScores() {
		assertThat(new TracesClient(this.port).send("GET", "/actuator/traces/ui/").body())
			.contains("data-scores-writable=\"true\"");
	}

	@Test
	void badScoresAnswer400AndUnknownTraces404() {
		TracesClient client = new TracesClient(this.port);
		String traceId = client.json("POST", "/chat?message=tides").get("traceId").asString();
		client.trace(traceId, 7);
		String scores = "/actuator/traces/" + traceId + "/scores";

		HttpResponse<String> noName = client.post(scores, "{\"value\":1}");
		assertThat(noName.statusCode()).isEqualTo(400);
		assertThat(noName.body()).contains("name");
		HttpResponse<String> noValue = client.post(scores, "{\"name\":\"helpful\"}");
		assertThat(noValue.statusCode()).isEqualTo(400);
		assertThat(noValue.body()).contains("value");
		assertThat(client.post(scores, "{\"name\":\"helpful\",\"value\":1,\"spanId\":\"00f067aa0ba902b7\"}").body())
			.contains("has no span 00f067aa0ba902b7");
		assertThat(client.post(scores, "not json").statusCode()).isEqualTo(400);
		HttpResponse<String> unknown = client.post("/actuator/traces/4bf92f3577b34da6a3ce929d0e0e4736/scores",
				"{\"name\":\"helpful\",\"value\":true}");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(client.send("GET", "/actuator/traces?score=relevance%3Ehigh").statusCode()).isEqualTo(400);
	}

}
