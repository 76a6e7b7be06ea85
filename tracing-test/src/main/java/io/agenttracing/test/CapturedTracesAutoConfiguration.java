package io.agenttracing.test;

import io.agenttracing.autoconfigure.AgentTracingAutoConfiguration;
import io.agenttracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link CapturedTraces} as an exporter wherever the test kit is on the
 * classpath (test scope), so that {@code @SpringBootTest} classes can autowire it. Off
 * with {@code agent.tracing.test.capture=false}.
 */
@AutoConfiguration(before = AgentTracingAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "agent.tracing.test.capture", matchIfMissing = true)
public final class CapturedTracesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CapturedTraces capturedTraces() {
		return new CapturedTraces();
	}

	@Bean
	static SmartInitializingSingleton capturedTracesBinding(ObjectProvider<CapturedTraces> traces,
			ObjectProvider<Tracer> tracer) {
		return () -> {
			CapturedTraces captured = traces.getIfAvailable();
			Tracer applicationTracer = tracer.getIfAvailable();
			if (captured != null && applicationTracer != null) {
				captured.bind(applicationTracer);
			}
		};
	}

}
