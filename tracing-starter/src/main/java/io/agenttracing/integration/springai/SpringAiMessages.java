package io.agenttracing.integration.springai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Spring AI's prompts and responses as the plain messages a span records: a list of
 * {@code {role, content, toolCalls, toolCallId, name}} in the shape chat APIs use, so
 * that a trace reads as the conversation the model saw.
 */
final class SpringAiMessages {

	private SpringAiMessages() {
	}

	/** A prompt as {@code {messages, options}}. */
	static Map<String, Object> prompt(Prompt prompt) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("messages", messages(prompt.getInstructions()));
		ChatOptions options = prompt.getOptions();
		if (options != null) {
			Map<String, Object> rendered = options(options);
			if (!rendered.isEmpty()) {
				input.put("options", rendered);
			}
		}
		return input;
	}

	static List<Map<String, Object>> messages(List<Message> messages) {
		List<Map<String, Object>> rendered = new ArrayList<>(messages.size());
		for (Message message : messages) {
			if (message instanceof ToolResponseMessage toolResponses) {
				for (ToolResponseMessage.ToolResponse response : toolResponses.getResponses()) {
					Map<String, Object> tool = new LinkedHashMap<>();
					tool.put("role", "tool");
					putIfPresent(tool, "toolCallId", response.id());
					putIfPresent(tool, "name", response.name());
					putIfPresent(tool, "content", response.responseData());
					rendered.add(tool);
				}
			}
			else {
				rendered.add(message(message));
			}
		}
		return rendered;
	}

	private static Map<String, Object> message(Message message) {
		Map<String, Object> rendered = new LinkedHashMap<>();
		rendered.put("role", message.getMessageType().getValue().toLowerCase(Locale.ROOT));
		putIfPresent(rendered, "content", message.getText());
		if (message instanceof AssistantMessage assistant && assistant.hasToolCalls()) {
			List<Map<String, Object>> calls = new ArrayList<>();
			for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
				Map<String, Object> renderedCall = new LinkedHashMap<>();
				putIfPresent(renderedCall, "id", call.id());
				putIfPresent(renderedCall, "name", call.name());
				putIfPresent(renderedCall, "arguments", call.arguments());
				calls.add(renderedCall);
			}
			rendered.put("toolCalls", calls);
		}
		return rendered;
	}

	/** The generations of a response as assistant messages, with their finish reasons. */
	static Map<String, Object> response(ChatResponse response) {
		List<Map<String, Object>> rendered = new ArrayList<>();
		for (Generation generation : response.getResults()) {
			Map<String, Object> message = message(generation.getOutput());
			String finishReason = (generation.getMetadata() != null) ? generation.getMetadata().getFinishReason()
					: null;
			putIfPresent(message, "finishReason", finishReason);
			rendered.add(message);
		}
		return Map.of("messages", rendered);
	}

	/** The finish reasons of a response, in generation order. */
	static List<String> finishReasons(ChatResponse response) {
		List<String> reasons = new ArrayList<>();
		for (Generation generation : response.getResults()) {
			String reason = (generation.getMetadata() != null) ? generation.getMetadata().getFinishReason() : null;
			if (reason != null && !reason.isEmpty()) {
				reasons.add(reason.toLowerCase(Locale.ROOT));
			}
		}
		return reasons;
	}

	/** The text of the first generation, or {@code null}. */
	static @Nullable String text(@Nullable ChatResponse response) {
		if (response == null || response.getResults().isEmpty()) {
			return null;
		}
		return response.getResults().get(0).getOutput().getText();
	}

	private static Map<String, Object> options(ChatOptions options) {
		Map<String, Object> rendered = new LinkedHashMap<>();
		putIfPresent(rendered, "model", options.getModel());
		putIfPresent(rendered, "temperature", options.getTemperature());
		putIfPresent(rendered, "maxTokens", options.getMaxTokens());
		putIfPresent(rendered, "topP", options.getTopP());
		putIfPresent(rendered, "topK", options.getTopK());
		putIfPresent(rendered, "stopSequences", options.getStopSequences());
		if (options instanceof ToolCallingChatOptions toolOptions && toolOptions.getToolCallbacks() != null) {
			List<String> tools = new ArrayList<>();
			for (ToolCallback callback : toolOptions.getToolCallbacks()) {
				tools.add(callback.getToolDefinition().name());
			}
			if (!tools.isEmpty()) {
				rendered.put("tools", tools);
			}
		}
		return rendered;
	}

	private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
