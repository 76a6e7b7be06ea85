package io.agenttracing.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for tests against the application on its random port.
 */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	Http(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).DELETE());
	}

	Response postJson(String path, Object body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	/**
	 * The trace of a chat once all of it has arrived: the chat request's spans and those
	 * of the knowledge request it made, which finishes first and is exported on its own.
	 */
	JsonNode chatTrace(String traceId) {
		return org.awaitility.Awaitility.await().until(() -> get("/actuator/traces/" + traceId), (response) -> {
			if (response.status() != 200) {
				return false;
			}
			String body = response.body();
			return body.contains("\"ChatWorkflow.handle\"") && body.contains("\"KnowledgeController.search\"");
		}).json();
	}

	Response chat(String sessionId, String message) {
		return postJson("/api/agent/chat", java.util.Map.of("sessionId", sessionId, "message", message));
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
