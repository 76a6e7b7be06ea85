package io.agenttracing.integration.springai;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
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

/**
 * A chat model that answers from a script, observed the way Spring AI's provider models
 * observe their calls: asked about "the weather in X" with the weather tool on offer, it
 * calls the tool; given a tool result, it answers with it; otherwise it echoes. It
 * reports usage and a response model, so spans get tokens and a cost.
 */
class ScriptedChatModel implements ChatModel {

	static final String MODEL = "gpt-4o-mini";

	private static final Pattern WEATHER = Pattern.compile("weather in (\\w+)");

	private final ObservationRegistry registry;

	private final AtomicInteger responses = new AtomicInteger();

	ScriptedChatModel(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public ChatOptions getOptions() {
		// Tool calling options, or the ChatClient drops the tools it is given.
		return ToolCallingChatOptions.builder().model(MODEL).build();
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(prompt)
			.provider("scripted")
			.build();
		return observation(context).observe(() -> {
			ChatResponse response = respond(prompt);
			context.setResponse(response);
			return response;
		});
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.deferContextual((reactorContext) -> {
			ChatModelObservationContext context = ChatModelObservationContext.builder()
				.prompt(prompt)
				.provider("scripted")
				.streaming(true)
				.build();
			Observation observation = observation(context)
				.parentObservation(reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
				.start();
			ChatResponse whole = respond(prompt);
			AtomicReference<ChatResponse> last = new AtomicReference<>(whole);
			List<ChatResponse> chunks = chunks(whole);
			return Flux.fromIterable(chunks)
				.publishOn(Schedulers.boundedElastic())
				.doOnError(observation::error)
				.doFinally((signal) -> {
					context.setResponse(last.get());
					observation.stop();
				})
				.contextWrite((ctx) -> ctx.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private Observation observation(ChatModelObservationContext context) {
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION.observation(null,
				new DefaultChatModelObservationConvention(), () -> context, this.registry);
	}

	private ChatResponse respond(Prompt prompt) {
		List<Message> messages = prompt.getInstructions();
		Message last = messages.get(messages.size() - 1);
		String model = (prompt.getOptions() != null && prompt.getOptions().getModel() != null)
				? prompt.getOptions().getModel() : MODEL;
		if (last instanceof ToolResponseMessage tools) {
			String answer = "Here is what I found: " + tools.getResponses().get(0).responseData();
			return response(AssistantMessage.builder().content(answer).build(), "STOP", model, 40, 12);
		}
		String text = (last instanceof UserMessage user) ? user.getText() : String.valueOf(last.getText());
		Matcher weather = WEATHER.matcher(text);
		if (weather.find() && offersTool(prompt, "weather")) {
			AssistantMessage.ToolCall call = new AssistantMessage.ToolCall("call-" + this.responses.incrementAndGet(),
					"function", "weather", "{\"city\":\"" + weather.group(1) + "\"}");
			return response(AssistantMessage.builder().content("").toolCalls(List.of(call)).build(), "TOOL_CALLS",
					model, 30, 8);
		}
		return response(AssistantMessage.builder().content("You said: " + text).build(), "STOP", model, 20, 5);
	}

	private static boolean offersTool(Prompt prompt, String name) {
		return prompt.getOptions() instanceof ToolCallingChatOptions options && options.getToolCallbacks() != null
				&& options.getToolCallbacks().stream().anyMatch((tool) -> tool.getToolDefinition().name().equals(name));
	}

	private ChatResponse response(AssistantMessage message, String finishReason, String model, int input, int output) {
		ChatResponseMetadata metadata = ChatResponseMetadata.builder()
			.id("resp-" + this.responses.incrementAndGet())
			.model(model + "-2024-07-18")
			.usage(new DefaultUsage(input, output))
			.build();
		return new ChatResponse(
				List.of(new Generation(message, ChatGenerationMetadata.builder().finishReason(finishReason).build())),
				metadata);
	}

	/** The answer in two pieces, the usage with the last, as providers stream it. */
	private static List<ChatResponse> chunks(ChatResponse whole) {
		AssistantMessage message = whole.getResult().getOutput();
		String text = String.valueOf(message.getText());
		if (message.hasToolCalls() || text.length() < 2) {
			return List.of(whole);
		}
		int half = text.length() / 2;
		ChatResponse first = new ChatResponse(
				List.of(new Generation(AssistantMessage.builder().content(text.substring(0, half)).build())));
		ChatResponse second = new ChatResponse(
				List.of(new Generation(AssistantMessage.builder().content(text.substring(half)).build(),
						whole.getResult().getMetadata())),
				whole.getMetadata());
		return List.of(first, second);
	}

}
