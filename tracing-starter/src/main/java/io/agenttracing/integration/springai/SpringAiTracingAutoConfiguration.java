package io.agenttracing.integration.springai;

import java.util.List;

import io.agenttracing.Tracer;
import io.agenttracing.autoconfigure.AgentTracingAutoConfiguration;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Traces Spring AI without annotations: an {@link ObservationHandler} bean (Spring Boot
 * adds handler beans to its {@link ObservationRegistry}) turns Spring AI's observations
 * into spans. Off with {@code agent.tracing.integrations.spring-ai.enabled=false}.
 */
@AutoConfiguration(after = AgentTracingAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ChatModelObservationContext.class, ObservationHandler.class })
@ConditionalOnBean(Tracer.class)
@ConditionalOnBooleanProperty(name = "agent.tracing.integrations.spring-ai.enabled", matchIfMissing = true)
final class SpringAiTracingAutoConfiguration {

	private static final Log logger = LogFactory.getLog(SpringAiTracingAutoConfiguration.class);

	@Bean
	TracingObservationHandler agentTracingSpringAiObservationHandler(Tracer tracer,
			ObjectProvider<ObservationSpanMapping<?>> extraMappings) {
		List<ObservationSpanMapping<?>> mappings = new java.util.ArrayList<>(List.of(new ChatClientSpans(tracer),
				new AdvisorSpans(tracer), new ChatModelSpans(), new EmbeddingModelSpans(), new ToolCallSpans()));
		extraMappings.orderedStream().forEach(mappings::add);
		return new TracingObservationHandler(tracer, mappings);
	}

	@Bean
	static BeanPostProcessor agentTracingToolFailureRecorder() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof ToolExecutionExceptionProcessor processor
						&& !(bean instanceof ToolFailureRecorder)) ? new ToolFailureRecorder(processor) : bean;
			}
		};
	}

	@Bean
	SmartInitializingSingleton agentTracingObservationRegistryCheck(ObjectProvider<ObservationRegistry> registry) {
		return () -> {
			if (registry.getIfAvailable() == null) {
				logger.warn("Spring AI is on the class path but the application has no ObservationRegistry, so its "
						+ "ChatClient, model and tool calls are not traced. Add spring-boot-starter-actuator "
						+ "(or org.springframework.boot:spring-boot-micrometer-observation).");
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatClientBuilderCustomizer.class)
	static class ToolTracingConfiguration {

		/**
		 * Every ChatClient built from Boot's builder traces its tools, whoever runs them.
		 */
		@Bean
		ChatClientBuilderCustomizer agentTracingToolTracing(Tracer tracer) {
			ToolTracingAdvisor advisor = new ToolTracingAdvisor(tracer);
			return (builder) -> builder.defaultAdvisors(advisor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.ai.vectorstore.observation.VectorStoreObservationContext")
	static class VectorStoreSpansConfiguration {

		@Bean
		ObservationSpanMapping<?> agentTracingVectorStoreSpans() {
			return new VectorStoreSpans();
		}

	}

}
