package io.agenttracing.agentapps;

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
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** Talks to a running agent application over real HTTP, as its users would. */
public final class AgentAppClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	public AgentAppClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public HttpResponse<String> post(String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json"));
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	/** The trace id the application answered with in {@code traceresponse}. */
	public static String traceId(HttpResponse<?> response) {
		String header = response.headers().firstValue("traceresponse").orElseThrow();
		return header.split("-")[1];
	}

	/**
	 * The trace once it holds at least {@code spans} spans, as the endpoint serves it.
	 */
	public JsonNode trace(String traceId, int spans) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> {
			HttpResponse<String> response = get("/actuator/traces/" + traceId);
			return (response.statusCode() == 200) ? this.json.readTree(response.body()) : null;
		}, (trace) -> trace != null && trace.get("spans").size() >= spans);
	}

	/** The trace's entry in the endpoint's list, with its error count. */
	public JsonNode summary(String traceId) {
		return json(get("/actuator/traces?limit=50").body()).findParents("traceId")
			.stream()
			.filter((candidate) -> candidate.get("traceId").asString().equals(traceId))
			.findFirst()
			.orElseThrow();
	}

	public JsonNode json(String text) {
		return this.json.readTree(text);
	}

	/** Each span as {@code name [KIND] < parent name}, sorted: the shape of the tree. */
	public static List<String> tree(JsonNode trace) {
		Map<String, String> names = new TreeMap<>();
		trace.get("spans").forEach((span) -> names.put(span.get("spanId").asString(), span.get("name").asString()));
		List<String> lines = new ArrayList<>();
		trace.get("spans").forEach((span) -> {
			JsonNode parent = span.get("parentId");
			String parentName = (parent == null || parent.isNull()) ? "-" : names.getOrDefault(parent.asString(), "?");
			lines.add(span.get("name").asString() + " [" + span.get("kind").asString() + "] < " + parentName);
		});
		lines.sort(null);
		return lines;
	}

	/** The spans of one kind, in the order the trace lists them. */
	public static List<JsonNode> spans(JsonNode trace, String kind) {
		List<JsonNode> spans = new ArrayList<>();
		trace.get("spans").forEach((span) -> {
			if (span.get("kind").asString().equals(kind)) {
				spans.add(span);
			}
		});
		return spans;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
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

}
