package io.agenttracing.sample.springai;

import io.agenttracing.sample.llm.LlmProperties;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring AI agent: a ChatClient with chat memory and two tools, over the offline
 * model or, with {@code sample.llm.provider=openai}, Spring AI's OpenAI model. Nothing
 * here mentions tracing: the starter traces it through Spring AI's observations.
 */
@Configuration(proxyBeanMethods = false)
class SpringAiAgentConfiguration {

	static final String SYSTEM_PROMPT = "You are a helpful assistant. Use the weather tool for weather questions "
			+ "and the calculator for arithmetic.";

	@Bean
	@ConditionalOnProperty(name = "sample.llm.provider", havingValue = "simulated", matchIfMissing = true)
	ChatModel offlineChatModel(ObservationRegistry registry) {
		return new OfflineChatModel(registry);
	}

	@Bean
	@ConditionalOnProperty(name = "sample.llm.provider", havingValue = "openai")
	ChatModel openAiChatModel(LlmProperties llm, ObservationRegistry registry) {
		return OpenAiChatModel.builder()
			.options(OpenAiChatOptions.builder()
				.baseUrl(llm.getBaseUrl())
				.apiKey(llm.getApiKey())
				.model(llm.getModel())
				.build())
			.observationRegistry(registry)
			.build();
	}

	@Bean
	ChatClient agentChatClient(ChatClient.Builder builder, ChatMemory chatMemory) {
		return builder.defaultSystem(SYSTEM_PROMPT)
			.defaultAdvisors(MessageChatMemoryAdvisor.builder(chatMemory).build())
			.build();
	}

}
