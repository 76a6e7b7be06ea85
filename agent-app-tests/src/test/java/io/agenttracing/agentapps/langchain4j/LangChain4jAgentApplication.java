package io.agenttracing.agentapps.langchain4j;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import io.agenttracing.integration.langchain4j.LangChain4jTracing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A LangChain4j agent as LangChain4j's Spring Boot starter makes one: OpenAI models built
 * from properties with the application's {@link ChatModelListener} beans, and an
 * {@code @AiService}-shaped interface built with {@link AiServices} from the models, a
 * chat memory provider and the beans that have {@code @Tool} methods. LangChain4j's
 * Spring Boot 4 starters do not resolve from Maven Central, so this application builds
 * the beans the way those starters do. No tracing code, but for one service wired with
 * {@link LangChain4jTracing#traced} as earlier versions asked.
 */
@SpringBootApplication
public class LangChain4jAgentApplication {

	interface ShopAssistant {

		String chat(@MemoryId String conversation, @UserMessage String message);

		TokenStream stream(@MemoryId String conversation, @UserMessage String message);

	}

	@Bean
	ChatModel chatModel(@Value("${model.base-url}") String baseUrl, List<ChatModelListener> listeners) {
		return OpenAiChatModel.builder()
			.baseUrl(baseUrl)
			.apiKey("sk-test-key-123456")
			.modelName("gpt-4o-mini")
			.listeners(listeners)
			.build();
	}

	@Bean
	StreamingChatModel streamingChatModel(@Value("${model.base-url}") String baseUrl,
			List<ChatModelListener> listeners) {
		return OpenAiStreamingChatModel.builder()
			.baseUrl(baseUrl)
			.apiKey("sk-test-key-123456")
			.modelName("gpt-4o-mini")
			.listeners(listeners)
			.build();
	}

	@Bean
	ChatMemoryProvider chatMemoryProvider() {
		return (id) -> MessageWindowChatMemory.builder().id(id).maxMessages(20).build();
	}

	@Bean
	ShopAssistant shopAssistant(ChatModel chatModel, StreamingChatModel streamingChatModel,
			ChatMemoryProvider chatMemoryProvider, ShopTools tools) {
		return AiServices.builder(ShopAssistant.class)
			.chatModel(chatModel)
			.streamingChatModel(streamingChatModel)
			.chatMemoryProvider(chatMemoryProvider)
			.tools(tools)
			.build();
	}

	/** The same service wired the way earlier versions of the starter asked for. */
	@Bean
	ShopAssistant handTracedAssistant(ChatModel chatModel, ChatMemoryProvider chatMemoryProvider, ShopTools tools) {
		return LangChain4jTracing.traced(AiServices.builder(ShopAssistant.class))
			.chatModel(chatModel)
			.chatMemoryProvider(chatMemoryProvider)
			.tools(tools)
			.build();
	}

	@Component
	static class ShopTools {

		@Tool("Current weather in a city")
		String weather(String city) {
			return "Sunny, 21 degrees in " + city;
		}

		@Tool("Looks an order up by its id")
		String lookupOrder(String orderId) {
			throw new IllegalStateException("order service unavailable for " + orderId);
		}

	}

	@RestController
	static class AssistantController {

		private final ShopAssistant assistant;

		private final ShopAssistant handTracedAssistant;

		AssistantController(ShopAssistant shopAssistant, ShopAssistant handTracedAssistant) {
			this.assistant = shopAssistant;
			this.handTracedAssistant = handTracedAssistant;
		}

		@PostMapping("/hand-traced")
		Map<String, String> handTraced(@RequestBody Map<String, String> body) {
			return Map.of("answer", this.handTracedAssistant.chat(body.get("conversation"), body.get("message")));
		}

		@PostMapping("/chat")
		Map<String, String> chat(@RequestBody Map<String, String> body) {
			return Map.of("answer", this.assistant.chat(body.get("conversation"), body.get("message")));
		}

		@PostMapping("/stream")
		Map<String, String> stream(@RequestBody Map<String, String> body) throws Exception {
			CompletableFuture<String> answer = new CompletableFuture<>();
			StringBuilder text = new StringBuilder();
			this.assistant.stream(body.get("conversation"), body.get("message"))
				.onPartialResponse(text::append)
				.onCompleteResponse((response) -> answer.complete(text.toString()))
				.onError(answer::completeExceptionally)
				.start();
			return Map.of("answer", answer.get(20, TimeUnit.SECONDS));
		}

	}

}
