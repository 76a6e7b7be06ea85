package io.agenttracing.integration.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import io.agenttracing.autoconfigure.AgentTracingAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LangChain4jTracingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AgentTracingAutoConfiguration.class, LangChain4jTracingAutoConfiguration.class))
		.withPropertyValues("agent.tracing.exporters.console.enabled=false");

	@Test
	void providesAChatModelListenerForLangChain4jsSpringBootStarter() {
		this.runner.run((context) -> assertThat(context).getBean(ChatModelListener.class)
			.isInstanceOf(TracingChatModelListener.class));
	}

	@Test
	void switchedOffByProperty() {
		this.runner.withPropertyValues("agent.tracing.integrations.langchain4j.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatModelListener.class));
	}

}
