package io.agenttracing.stockapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** Talks to the running application over real HTTP, as a user's curl would. */
final class TracesClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	TracesClient(int port) {
		this.base = "http://localhost:" + port;
	}

	HttpResponse<String> send(String method, String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method, HttpRequest.BodyPublishers.noBody()));
	}

	HttpResponse<String> post(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json"));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	JsonNode json(String method, String path) {
		HttpResponse<String> response = send(method, path);
		if (response.statusCode() != 200) {
			throw new AssertionError(
					method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return this.json.readTree(response.body());
	}

	/**
	 * The trace once it holds at least {@code spans} spans, as the endpoint serves it.
	 */
	JsonNode trace(String traceId, int spans) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> {
			HttpResponse<String> response = send("GET", "/actuator/traces/" + traceId);
			return (response.statusCode() == 200) ? this.json.readTree(response.body()) : null;
		}, (trace) -> trace != null && trace.get("spans").size() >= spans);
	}

	/** Span name to parent span name, for every span of the trace. */
	static Map<String, String> parents(JsonNode trace) {
		Map<String, String> idToName = new java.util.HashMap<>();
		trace.get("spans").forEach((span) -> idToName.put(span.get("spanId").asString(), span.get("name").asString()));
		Map<String, String> parents = new java.util.TreeMap<>();
		trace.get("spans").forEach((span) -> {
			JsonNode parent = span.get("parentId");
			parents.put(span.get("name").asString(),
					(parent == null || parent.isNull()) ? "-" : idToName.getOrDefault(parent.asString(), "?"));
		});
		return parents;
	}

	static List<String> names(JsonNode trace) {
		List<String> names = new ArrayList<>();
		trace.get("spans").forEach((span) -> names.add(span.get("name").asString()));
		return names;
	}

}
