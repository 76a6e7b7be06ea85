package io.agenttracing.autoconfigure;

import io.agenttracing.Score;
import io.agenttracing.internal.actuate.TracesEndpoint;
import io.agenttracing.export.memory.TraceRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code traces} actuator endpoint, available when the
 * application exposes it and the in-memory store is enabled.
 */
@AutoConfiguration(after = AgentTracingAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
final class TracesEndpointAutoConfiguration {

	// Nested, so that the actuator condition is only loaded once the actuator is known to
	// be there.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(TracesEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(TraceRepository.class)
		TracesEndpoint tracesEndpoint(TraceRepository repository, ObjectProvider<Score.Recorder> scores) {
			return new TracesEndpoint(repository, scores.getIfAvailable());
		}

		@Bean
		TracingStartupReport.TracesEndpointPath agentTracingEndpointPath(
				ObjectProvider<PathMappedEndpoints> endpoints) {
			return () -> {
				PathMappedEndpoints mapped = endpoints.getIfAvailable();
				return (mapped != null) ? mapped.getPath(EndpointId.of("traces")) : null;
			};
		}

	}

}
