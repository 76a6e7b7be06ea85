package io.agenttracing.internal.langchain4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.jspecify.annotations.Nullable;

/**
 * LangChain4j's requests and messages as the plain messages a span records, in the same
 * shape as Spring AI's: {@code {role, content, toolCalls, toolCallId, name}}.
 */
public final class LangChain4jMessages {

	private LangChain4jMessages() {
	}

	public static Map<String, Object> request(ChatRequest request) {
		Map<String, Object> input = new LinkedHashMap<>();
		List<Map<String, Object>> messages = new ArrayList<>();
		for (ChatMessage message : request.messages()) {
			messages.add(message(message));
		}
		input.put("messages", messages);
		Map<String, Object> options = new LinkedHashMap<>();
		putIfPresent(options, "model", request.modelName());
		putIfPresent(options, "temperature", request.temperature());
		putIfPresent(options, "maxTokens", request.maxOutputTokens());
		putIfPresent(options, "topP", request.topP());
		List<ToolSpecification> tools = request.toolSpecifications();
		if (tools != null && !tools.isEmpty()) {
			options.put("tools", tools.stream().map(ToolSpecification::name).toList());
		}
		if (!options.isEmpty()) {
			input.put("options", options);
		}
		return input;
	}

	public static Map<String, Object> message(ChatMessage message) {
		Map<String, Object> rendered = new LinkedHashMap<>();
		if (message instanceof SystemMessage system) {
			rendered.put("role", "system");
			putIfPresent(rendered, "content", system.text());
		}
		else if (message instanceof UserMessage user) {
			rendered.put("role", "user");
			putIfPresent(rendered, "content", user.hasSingleText() ? user.singleText() : user.contents().toString());
		}
		else if (message instanceof AiMessage ai) {
			rendered.put("role", "assistant");
			putIfPresent(rendered, "content", ai.text());
			if (ai.hasToolExecutionRequests()) {
				List<Map<String, Object>> calls = new ArrayList<>();
				for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
					Map<String, Object> call = new LinkedHashMap<>();
					putIfPresent(call, "id", request.id());
					putIfPresent(call, "name", request.name());
					putIfPresent(call, "arguments", request.arguments());
					calls.add(call);
				}
				rendered.put("toolCalls", calls);
			}
		}
		else if (message instanceof ToolExecutionResultMessage result) {
			rendered.put("role", "tool");
			putIfPresent(rendered, "toolCallId", result.id());
			putIfPresent(rendered, "name", result.toolName());
			putIfPresent(rendered, "content", result.text());
		}
		else {
			rendered.put("role", message.type().name().toLowerCase(java.util.Locale.ROOT));
			rendered.put("content", message.toString());
		}
		return rendered;
	}

	static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
