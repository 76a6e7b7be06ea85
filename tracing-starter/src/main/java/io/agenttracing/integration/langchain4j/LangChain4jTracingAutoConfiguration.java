package io.agenttracing.integration.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import io.agenttracing.Tracer;
import io.agenttracing.autoconfigure.AgentTracingAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * A {@link ChatModelListener} bean that LangChain4j's Spring Boot starter registers on
 * the models it configures. Off with
 * {@code agent.tracing.integrations.langchain4j.enabled=false}.
 */
@AutoConfiguration(after = AgentTracingAutoConfiguration.class)
@ConditionalOnClass(ChatModelListener.class)
@ConditionalOnBean(Tracer.class)
@ConditionalOnBooleanProperty(name = "agent.tracing.integrations.langchain4j.enabled", matchIfMissing = true)
final class LangChain4jTracingAutoConfiguration {

	@Bean
	ChatModelListener agentTracingChatModelListener(Tracer tracer) {
		return new TracingChatModelListener(() -> tracer);
	}

}
