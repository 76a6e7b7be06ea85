package io.agenttracing.integration.springai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.agenttracing.internal.semconv.PlainMessages;
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
 * Spring AI's prompts and responses as the plain messages a span records (see
 * {@link PlainMessages}).
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
					rendered.add(PlainMessages.toolResult(response.id(), response.name(), response.responseData()));
				}
			}
			else {
				rendered.add(message(message));
			}
		}
		return rendered;
	}

	private static Map<String, Object> message(Message message) {
		Map<String, Object> rendered = PlainMessages
			.message(message.getMessageType().getValue().toLowerCase(Locale.ROOT), message.getText());
		if (message instanceof AssistantMessage assistant && assistant.hasToolCalls()) {
			List<Map<String, Object>> calls = new ArrayList<>();
			for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
				calls.add(PlainMessages.toolCall(call.id(), call.name(), call.arguments()));
			}
			PlainMessages.putToolCalls(rendered, calls);
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
			PlainMessages.putIfPresent(message, "finishReason", finishReason);
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
		PlainMessages.putIfPresent(rendered, "model", options.getModel());
		PlainMessages.putIfPresent(rendered, "temperature", options.getTemperature());
		PlainMessages.putIfPresent(rendered, "maxTokens", options.getMaxTokens());
		PlainMessages.putIfPresent(rendered, "topP", options.getTopP());
		PlainMessages.putIfPresent(rendered, "topK", options.getTopK());
		PlainMessages.putIfPresent(rendered, "stopSequences", options.getStopSequences());
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

}
