package io.agenttracing.agentapps.springai;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring AI agent as its users write one: Spring AI's OpenAI starter, a ChatClient from
 * Boot's builder with chat memory and a tool calling advisor the application builds
 * itself (so its tool calling manager has no observation registry), tools on a plain
 * object, one of which throws. No tracing code.
 */
@SpringBootApplication
public class SpringAiAgentApplication {

	@Bean
	ChatClient assistant(ChatClient.Builder builder, ChatMemory chatMemory) {
		return builder.defaultSystem("You are a shop assistant.")
			.defaultAdvisors(MessageChatMemoryAdvisor.builder(chatMemory).build(), ToolCallingAdvisor.builder().build())
			.defaultTools(new ShopTools())
			.build();
	}

	/**
	 * The same tools run by the tool calling advisor Spring AI adds itself, with Boot's
	 * observed manager.
	 */
	@Bean
	ChatClient plainAssistant(ChatClient.Builder builder) {
		return builder.defaultTools(new ShopTools()).build();
	}

	@RestController
	static class AssistantController {

		private final ChatClient assistant;

		private final ChatClient plainAssistant;

		AssistantController(ChatClient assistant, ChatClient plainAssistant) {
			this.assistant = assistant;
			this.plainAssistant = plainAssistant;
		}

		@PostMapping("/plain")
		Map<String, String> plain(@RequestBody Map<String, String> body) {
			return Map.of("answer", this.plainAssistant.prompt().user(body.get("message")).call().content());
		}

		@PostMapping("/chat")
		Map<String, String> chat(@RequestBody Map<String, String> body) {
			String answer = this.assistant.prompt()
				.user(body.get("message"))
				.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, body.get("conversation")))
				.call()
				.content();
			return Map.of("answer", answer);
		}

		@PostMapping(path = "/stream", produces = MediaType.TEXT_PLAIN_VALUE)
		String stream(@RequestBody Map<String, String> body) {
			List<String> chunks = this.assistant.prompt()
				.user(body.get("message"))
				.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, body.get("conversation")))
				.stream()
				.content()
				.collectList()
				.block();
			return String.join("", chunks);
		}

		@PostMapping(path = "/flux", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> flux(@RequestBody Map<String, String> body) {
			return this.assistant.prompt()
				.user(body.get("message"))
				.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, body.get("conversation")))
				.stream()
				.content();
		}

	}

	static class ShopTools {

		@Tool(description = "Current weather in a city")
		String weather(String city) {
			return "Sunny, 21 degrees in " + city;
		}

		@Tool(description = "Looks an order up by its id")
		String lookupOrder(String orderId) {
			throw new IllegalStateException("order service unavailable for " + orderId);
		}

		@Tool(description = "This year's sales report")
		String salesReport() {
			return "sale;".repeat(400_000);
		}

		@Tool(description = "Returns nothing")
		String nothing() {
			return null;
		}

	}

}
