package io.agenttracing.internal.langchain4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.agenttracing.internal.semconv.PlainMessages;

/**
 * LangChain4j's requests and messages as the plain messages a span records (see
 * {@link PlainMessages}), the same shape as Spring AI's.
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
		PlainMessages.putIfPresent(options, "model", request.modelName());
		PlainMessages.putIfPresent(options, "temperature", request.temperature());
		PlainMessages.putIfPresent(options, "maxTokens", request.maxOutputTokens());
		PlainMessages.putIfPresent(options, "topP", request.topP());
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
		if (message instanceof SystemMessage system) {
			return PlainMessages.message("system", system.text());
		}
		if (message instanceof UserMessage user) {
			return PlainMessages.message("user", user.hasSingleText() ? user.singleText() : user.contents().toString());
		}
		if (message instanceof AiMessage ai) {
			Map<String, Object> rendered = PlainMessages.message("assistant", ai.text());
			if (ai.hasToolExecutionRequests()) {
				List<Map<String, Object>> calls = new ArrayList<>();
				for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
					calls.add(PlainMessages.toolCall(request.id(), request.name(), request.arguments()));
				}
				PlainMessages.putToolCalls(rendered, calls);
			}
			return rendered;
		}
		if (message instanceof ToolExecutionResultMessage result) {
			return PlainMessages.toolResult(result.id(), result.toolName(), result.text());
		}
		return PlainMessages.message(message.type().name().toLowerCase(Locale.ROOT), message.toString());
	}

}
