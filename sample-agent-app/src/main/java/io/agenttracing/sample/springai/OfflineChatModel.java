package io.agenttracing.sample.springai;

import java.util.ArrayList;
import java.util.List;

import io.agenttracing.sample.llm.ChatMessage;
import io.agenttracing.sample.llm.LlmResponse;
import io.agenttracing.sample.llm.SimulatedLlmClient;
import io.agenttracing.sample.llm.SimulatedReasoner;
import io.agenttracing.sample.llm.ToolCall;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * A Spring AI chat model that runs offline: the sample's simulated reasoning behind
 * Spring AI's {@link ChatModel} contract. Like Spring AI's provider models, it observes
 * each call and reports usage; tool calls it asks for are run by the ChatClient's tool
 * calling advisor.
 */
class OfflineChatModel implements ChatModel {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ObservationRegistry registry;

	OfflineChatModel(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public ChatOptions getOptions() {
		// Tool calling options, so that the ChatClient hands this model its tools.
		return ToolCallingChatOptions.builder().model(SimulatedLlmClient.MODEL).build();
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(prompt)
			.provider("simulated")
			.build();
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(null, new DefaultChatModelObservationConvention(), () -> context, this.registry)
			.observe(() -> {
				ChatResponse response = respond(prompt);
				context.setResponse(response);
				return response;
			});
	}

	private static ChatResponse respond(Prompt prompt) {
		LlmResponse reply = SimulatedReasoner.reply(messages(prompt), tools(prompt), SimulatedLlmClient.MODEL);
		List<AssistantMessage.ToolCall> calls = new ArrayList<>();
		for (ToolCall call : reply.toolCalls()) {
			calls.add(new AssistantMessage.ToolCall(call.id(), "function", call.name(),
					JSON.writeValueAsString(call.arguments())));
		}
		AssistantMessage message = AssistantMessage.builder()
			.content((reply.content() != null) ? reply.content() : "")
			.toolCalls(calls)
			.build();
		ChatGenerationMetadata finish = ChatGenerationMetadata.builder()
			.finishReason(calls.isEmpty() ? "stop" : "tool_calls")
			.build();
		ChatResponseMetadata metadata = ChatResponseMetadata.builder()
			.id("sim-" + Integer.toHexString(System.identityHashCode(message)))
			.model(reply.model())
			.usage(new DefaultUsage((int) reply.inputTokens(), (int) reply.outputTokens()))
			.build();
		return new ChatResponse(List.of(new Generation(message, finish)), metadata);
	}

	private static List<ChatMessage> messages(Prompt prompt) {
		List<ChatMessage> messages = new ArrayList<>();
		for (Message message : prompt.getInstructions()) {
			if (message instanceof ToolResponseMessage results) {
				results.getResponses()
					.forEach((result) -> messages.add(ChatMessage.tool(result.id(), result.responseData())));
			}
			else if (message.getMessageType() == MessageType.SYSTEM) {
				messages.add(ChatMessage.system(message.getText()));
			}
			else if (message.getMessageType() == MessageType.USER) {
				messages.add(ChatMessage.user(message.getText()));
			}
			else {
				messages.add(ChatMessage.assistant(message.getText()));
			}
		}
		return messages;
	}

	private static List<String> tools(Prompt prompt) {
		if (!(prompt.getOptions() instanceof ToolCallingChatOptions options) || options.getToolCallbacks() == null) {
			return List.of();
		}
		return options.getToolCallbacks()
			.stream()
			.map(ToolCallback::getToolDefinition)
			.map((tool) -> tool.name())
			.toList();
	}

}
