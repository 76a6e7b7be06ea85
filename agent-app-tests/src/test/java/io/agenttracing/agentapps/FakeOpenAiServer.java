package io.agenttracing.agentapps;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible chat completions server on loopback, so the real OpenAI clients of
 * Spring AI and LangChain4j talk real HTTP. It answers from the conversation: a user
 * message that names a tool the request offers ({@code weather}, {@code lookupOrder})
 * gets a call of that tool, a conversation that ends with tool results gets an answer
 * quoting them, anything else gets a greeting. {@code "stream": true} answers in
 * server-sent events, with the usage in a last chunk as OpenAI sends it. A message
 * containing {@code "model-down"} gets a 500, one containing {@code "garbage"} a 200
 * whose body is not JSON, one containing {@code "malformed"} a weather call whose
 * arguments are not JSON.
 */
public final class FakeOpenAiServer implements AutoCloseable {

	public static final String MODEL = "gpt-4o-mini";

	public static final String RESPONSE_MODEL = "gpt-4o-mini-2024-07-18";

	public static final int PROMPT_TOKENS = 40;

	public static final int COMPLETION_TOKENS = 12;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

	public FakeOpenAiServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.start();
	}

	/** The base URL clients are given, ending in {@code /v1}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	/** The chat completion requests received, in order. */
	public List<JsonNode> requests() {
		return this.requests;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
				send(exchange, 404, "application/json", "{\"error\":{\"message\":\"not found\"}}");
				return;
			}
			JsonNode request = json.readTree(exchange.getRequestBody());
			this.requests.add(request);
			String lastUser = lastContent(request, "user");
			if (lastUser.contains("model-down")) {
				send(exchange, 500, "application/json",
						"{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}");
				return;
			}
			if (lastUser.contains("garbage") && !"tool".equals(lastRole(request))) {
				send(exchange, 200, "application/json", "{\"choices\": [ this is not json");
				return;
			}
			Reply reply = reply(request, lastUser);
			if (request.path("stream").asBoolean(false)) {
				stream(exchange, reply);
			}
			else {
				send(exchange, 200, "application/json", json.writeValueAsString(completion(reply)));
			}
		}
	}

	private static Reply reply(JsonNode request, String lastUser) {
		JsonNode messages = request.get("messages");
		JsonNode last = messages.get(messages.size() - 1);
		if ("tool".equals(last.path("role").asString())) {
			List<String> results = new ArrayList<>();
			for (int i = messages.size() - 1; i >= 0 && "tool".equals(messages.get(i).path("role").asString()); i--) {
				results.add(0, text(messages.get(i).get("content")));
			}
			return new Reply("Here is what I found: " + String.join("; ", results), null, null, null);
		}
		List<String> offered = request.path("tools").findValuesAsString("name");
		if (lastUser.contains("malformed") && offered.contains("weather")) {
			return new Reply(null, "call_weather_2", "weather", "{\"city\": ");
		}
		if (lastUser.contains("report") && offered.contains("salesReport")) {
			return new Reply(null, "call_report_1", "salesReport", "{}");
		}
		if (lastUser.contains("nothing") && offered.contains("nothing")) {
			return new Reply(null, "call_nothing_1", "nothing", "{}");
		}
		if (lastUser.contains("order") && offered.contains("lookupOrder")) {
			return new Reply(null, "call_order_1", "lookupOrder", "{\"orderId\":\"A-17\"}");
		}
		if (lastUser.contains("weather") && offered.contains("weather")) {
			return new Reply(null, "call_weather_1", "weather", "{\"city\":\"Paris\"}");
		}
		return new Reply("Hello! How can I help?", null, null, null);
	}

	private static Map<String, Object> completion(Reply reply) {
		Map<String, Object> message = new java.util.LinkedHashMap<>();
		message.put("role", "assistant");
		message.put("content", reply.content());
		if (reply.toolName() != null) {
			message.put("tool_calls", List.of(Map.of("id", reply.toolCallId(), "type", "function", "function",
					Map.of("name", reply.toolName(), "arguments", reply.arguments()))));
		}
		return Map.of("id", "chatcmpl-" + System.nanoTime(), "object", "chat.completion", "created",
				System.currentTimeMillis() / 1000, "model", RESPONSE_MODEL, "choices",
				List.of(Map.of("index", 0, "message", message, "finish_reason", reply.finishReason())), "usage",
				usage());
	}

	private static void stream(HttpExchange exchange, Reply reply) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		String id = "chatcmpl-" + System.nanoTime();
		try (OutputStream out = exchange.getResponseBody()) {
			if (reply.toolName() != null) {
				Map<String, Object> call = Map.of("index", 0, "id", reply.toolCallId(), "type", "function", "function",
						Map.of("name", reply.toolName(), "arguments", reply.arguments()));
				event(out, chunk(id, Map.of("role", "assistant", "tool_calls", List.of(call)), null));
			}
			else {
				event(out, chunk(id, Map.of("role", "assistant", "content", ""), null));
				for (String word : reply.content().split("(?<= )")) {
					event(out, chunk(id, Map.of("content", word), null));
				}
			}
			event(out, chunk(id, Map.of(), reply.finishReason()));
			event(out,
					json.writeValueAsString(Map.of("id", id, "object", "chat.completion.chunk", "created",
							System.currentTimeMillis() / 1000, "model", RESPONSE_MODEL, "choices", List.of(), "usage",
							usage())));
			out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
		}
	}

	private static String chunk(String id, Map<String, Object> delta, String finishReason) {
		Map<String, Object> choice = new java.util.LinkedHashMap<>();
		choice.put("index", 0);
		choice.put("delta", delta);
		choice.put("finish_reason", finishReason);
		return json.writeValueAsString(Map.of("id", id, "object", "chat.completion.chunk", "created",
				System.currentTimeMillis() / 1000, "model", RESPONSE_MODEL, "choices", List.of(choice)));
	}

	private static void event(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static Map<String, Object> usage() {
		return Map.of("prompt_tokens", PROMPT_TOKENS, "completion_tokens", COMPLETION_TOKENS, "total_tokens",
				PROMPT_TOKENS + COMPLETION_TOKENS);
	}

	private static String lastRole(JsonNode request) {
		JsonNode messages = request.path("messages");
		return messages.isEmpty() ? "" : messages.get(messages.size() - 1).path("role").asString();
	}

	private static String lastContent(JsonNode request, String role) {
		JsonNode messages = request.path("messages");
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (role.equals(messages.get(i).path("role").asString())) {
				return text(messages.get(i).get("content"));
			}
		}
		return "";
	}

	private static String text(JsonNode content) {
		if (content == null || content.isNull()) {
			return "";
		}
		if (content.isArray()) {
			StringBuilder text = new StringBuilder();
			content.forEach((part) -> text.append(part.path("text").asString("")));
			return text.toString();
		}
		return content.asString();
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private record Reply(String content, String toolCallId, String toolName, String arguments) {

		String finishReason() {
			return (this.toolName != null) ? "tool_calls" : "stop";
		}

	}

}
