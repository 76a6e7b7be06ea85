package io.agenttracing.internal.semconv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The plain chat message a span records as its input or output, whichever library made
 * it: {@code {role, content, toolCalls: [{id, name, arguments}], toolCallId, name}}, the
 * shape chat APIs use, so that a trace reads as the conversation the model saw.
 * {@link GenAiContent} reads this shape back into the OpenTelemetry GenAI messages.
 */
public final class PlainMessages {

	static final String TOOL_CALLS = "toolCalls";

	static final String TOOL_CALL_ID = "toolCallId";

	private PlainMessages() {
	}

	/** A message of a role, with its content when there is one. */
	public static Map<String, Object> message(String role, @Nullable Object content) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("role", role);
		putIfPresent(message, "content", content);
		return message;
	}

	/** What a tool answered to the call of the given id. */
	public static Map<String, Object> toolResult(@Nullable String toolCallId, @Nullable String name,
			@Nullable Object content) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("role", "tool");
		putIfPresent(message, TOOL_CALL_ID, toolCallId);
		putIfPresent(message, "name", name);
		putIfPresent(message, "content", content);
		return message;
	}

	/** One tool call an assistant message asks for. */
	public static Map<String, Object> toolCall(@Nullable String id, @Nullable String name, @Nullable String arguments) {
		Map<String, Object> call = new LinkedHashMap<>();
		putIfPresent(call, "id", id);
		putIfPresent(call, "name", name);
		putIfPresent(call, "arguments", arguments);
		return call;
	}

	/** Adds the tool calls to an assistant message; none adds nothing. */
	public static void putToolCalls(Map<String, Object> message, List<Map<String, Object>> calls) {
		if (!calls.isEmpty()) {
			message.put(TOOL_CALLS, calls);
		}
	}

	public static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
