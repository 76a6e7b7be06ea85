package io.agenttracing.autoconfigure;

import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.internal.context.HttpClientSpans;
import io.agenttracing.internal.context.MicrometerTracingParent;
import io.agenttracing.internal.context.TracingClientHttpRequestInterceptor;
import io.agenttracing.internal.context.TracingExchangeFilterFunction;
import io.micrometer.context.ContextRegistry;
import reactor.core.publisher.Hooks;

import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.util.function.SingletonSupplier;

/**
 * Propagation of the trace context: to other threads (task executors, {@code @Async},
 * Reactor) through Micrometer's context-propagation library, to other services through
 * W3C headers on Boot's HTTP clients, and from Micrometer Tracing when the application
 * runs it too.
 */
@Configuration(proxyBeanMethods = false)
class PropagationConfiguration {

	@Bean
	@ConditionalOnClass(name = "org.springframework.http.HttpRequest")
	HttpClientSpans agentTracingHttpClientSpans(ObjectProvider<RecordingTracer> tracer, TracingProperties properties) {
		TracingProperties.Http http = properties.getHttp();
		return new HttpClientSpans(SingletonSupplier.of(tracer::getObject), http.isClientSpans(), http.isErrorOn4xx());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.restclient.RestClientCustomizer")
	static class RestClientPropagationConfiguration {

		@Bean
		RestClientCustomizer agentTracingRestClientCustomizer(HttpClientSpans spans) {
			return (builder) -> builder.requestInterceptor(new TracingClientHttpRequestInterceptor(spans));
		}

		@Bean
		RestTemplateCustomizer agentTracingRestTemplateCustomizer(HttpClientSpans spans) {
			return (restTemplate) -> restTemplate.getInterceptors().add(new TracingClientHttpRequestInterceptor(spans));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.webclient.WebClientCustomizer",
			"org.springframework.web.reactive.function.client.WebClient" })
	static class WebClientPropagationConfiguration {

		@Bean
		WebClientCustomizer agentTracingWebClientCustomizer(HttpClientSpans spans) {
			return (builder) -> builder.filter(new TracingExchangeFilterFunction(spans));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.context.ContextRegistry")
	static class ThreadPropagationConfiguration {

		/**
		 * Applied by Boot to its auto-configured executors and to every executor its
		 * builders make.
		 */
		@Bean
		@ConditionalOnMissingBean(TaskDecorator.class)
		ContextPropagatingTaskDecorator agentTracingTaskDecorator() {
			return new ContextPropagatingTaskDecorator();
		}

	}

	/**
	 * context-propagation is a dependency of the starter; an application that excludes it
	 * loses propagation to other threads, and is told so once rather than finding split
	 * traces.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.micrometer.context.ContextRegistry")
	static class MissingContextPropagationConfiguration {

		@Bean
		static InitializingBean agentTracingMissingContextPropagationWarning() {
			return () -> LogFactory.getLog(PropagationConfiguration.class)
				.warn("io.micrometer:context-propagation is not on the classpath (was it excluded?): traces will not "
						+ "follow work to @Async methods, task executors, virtual threads or Reactor operators, "
						+ "where each span then starts a trace of its own. Add io.micrometer:context-propagation "
						+ "back to keep one trace per request.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.micrometer.context.ContextRegistry", "reactor.core.publisher.Hooks" })
	@ConditionalOnBooleanProperty(name = "agent.tracing.reactor.context-propagation", matchIfMissing = true)
	static class ReactorPropagationConfiguration {

		/**
		 * Lets Reactor restore the trace scope inside operators, on whatever thread they
		 * run.
		 */
		@Bean
		static InitializingBean agentTracingReactorContextPropagation() {
			return () -> {
				ContextRegistry.getInstance();
				Hooks.enableAutomaticContextPropagation();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
	static class MicrometerTracingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MicrometerTracingParent agentTracingMicrometerParent() {
			return new MicrometerTracingParent();
		}

		@Bean
		SmartInitializingSingleton agentTracingMicrometerParentBinding(MicrometerTracingParent parent,
				ObjectProvider<io.micrometer.tracing.Tracer> tracer) {
			return () -> parent.bind(tracer.getIfAvailable());
		}

	}

}
