package io.agenttracing.internal.semconv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agenttracing.SpanData;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A span's captured content in the OpenTelemetry GenAI conventions' message form:
 * {@code gen_ai.system_instructions}, {@code gen_ai.input.messages},
 * {@code gen_ai.output.messages} (roles, text parts, tool calls, tool call responses,
 * finish reason) and {@code gen_ai.tool.definitions}, each a JSON string. The model
 * integrations capture {@code {messages: [{role, content, toolCalls, toolCallId}],
 * options}}; anything else (the arguments of an annotated method) becomes one text part.
 * Content is read from what was captured, so capture limits and redaction already apply.
 */
final class GenAiContent {

	private static final JsonMapper json = JsonMapper.builder().build();

	private GenAiContent() {
	}

	/** Adds the content attributes of an LLM or AGENT span. */
	static void addMessages(SpanData span, Map<String, Object> attributes) {
		JsonNode input = parse(span.input());
		if (input != null) {
			List<Object> system = new ArrayList<>();
			List<Object> messages = new ArrayList<>();
			JsonNode list = input.path("messages");
			if (list.isArray()) {
				for (JsonNode message : list) {
					String role = message.path("role").asString("user");
					if (role.equals("system")) {
						system.add(textPart(message.get("content")));
					}
					else {
						messages.add(message(role, message, null));
					}
				}
			}
			else {
				messages.add(Map.of("role", "user", "parts", List.of(textPart(input))));
			}
			putJson(attributes, "gen_ai.system_instructions", system);
			putJson(attributes, "gen_ai.input.messages", messages);
			putToolDefinitions(input.path("options").path("tools"), attributes);
		}
		JsonNode output = parse(span.output());
		if (output != null) {
			List<Object> messages = new ArrayList<>();
			JsonNode list = output.path("messages");
			if (list.isArray()) {
				for (JsonNode message : list) {
					messages.add(message("assistant", message, message.path("finishReason").asString(null)));
				}
			}
			else {
				Map<String, Object> message = new LinkedHashMap<>();
				message.put("role", "assistant");
				message.put("parts", List.of(textPart(output)));
				message.put("finish_reason", "stop");
				messages.add(message);
			}
			putJson(attributes, "gen_ai.output.messages", messages);
		}
	}

	private static Map<String, Object> message(String role, JsonNode message, @Nullable String finishReason) {
		List<Object> parts = new ArrayList<>();
		JsonNode content = message.get("content");
		if (content != null && !content.isNull() && !(content.isString() && content.asString().isEmpty())) {
			parts.add(role.equals("tool") ? toolResponse(message, content) : textPart(content));
		}
		JsonNode calls = message.path(PlainMessages.TOOL_CALLS);
		if (calls.isArray()) {
			for (JsonNode call : calls) {
				Map<String, Object> part = new LinkedHashMap<>();
				part.put("type", "tool_call");
				putIfText(part, "id", call.get("id"));
				putIfText(part, "name", call.get("name"));
				JsonNode arguments = call.get("arguments");
				if (arguments != null) {
					JsonNode parsed = arguments.isString() ? parse(arguments.asString()) : arguments;
					part.put("arguments", (parsed != null) ? parsed : arguments.asString());
				}
				parts.add(part);
			}
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("role", role);
		result.put("parts", parts);
		if (finishReason != null) {
			result.put("finish_reason", finishReason.toLowerCase(java.util.Locale.ROOT));
		}
		return result;
	}

	private static Map<String, Object> toolResponse(JsonNode message, JsonNode content) {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("type", "tool_call_response");
		putIfText(part, "id", message.get(PlainMessages.TOOL_CALL_ID));
		part.put("response", content.isString() ? content.asString() : content);
		return part;
	}

	private static Map<String, Object> textPart(@Nullable JsonNode content) {
		String text = (content == null || content.isNull()) ? ""
				: content.isString() ? content.asString() : content.toString();
		return Map.of("type", "text", "content", text);
	}

	private static void putToolDefinitions(JsonNode tools, Map<String, Object> attributes) {
		if (!tools.isArray() || tools.isEmpty()) {
			return;
		}
		List<Object> definitions = new ArrayList<>();
		for (JsonNode tool : tools) {
			Map<String, Object> definition = new LinkedHashMap<>();
			definition.put("type", "function");
			definition.put("name", tool.isString() ? tool.asString() : tool.path("name").asString(""));
			definitions.add(definition);
		}
		putJson(attributes, "gen_ai.tool.definitions", definitions);
	}

	private static void putIfText(Map<String, Object> target, String key, @Nullable JsonNode value) {
		if (value != null && !value.isNull()) {
			target.put(key, value.asString());
		}
	}

	private static void putJson(Map<String, Object> attributes, String key, List<Object> value) {
		if (!value.isEmpty()) {
			attributes.putIfAbsent(key, json.writeValueAsString(value));
		}
	}

	/** Captured JSON as a tree; a value that is not JSON becomes a text node. */
	static @Nullable JsonNode parse(@Nullable String captured) {
		if (captured == null) {
			return null;
		}
		try {
			return json.readTree(captured);
		}
		catch (JacksonException ex) {
			return json.getNodeFactory().stringNode(captured);
		}
	}

}
