package io.agenttracing.autoconfigure;

import java.net.URI;
import java.nio.file.Path;

import io.agenttracing.export.jsonl.JsonLinesTraceExporter;
import io.agenttracing.export.otlp.OtlpTraceExporter;
import io.agenttracing.export.zipkin.ZipkinTraceExporter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The exporters that send traces out of the process, each switched on by its own
 * {@code agent.tracing.exporters.*.enabled} property.
 */
@Configuration(proxyBeanMethods = false)
class TraceExportersConfiguration {

	static final String OTLP_EXPORTER_CLASS = "io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter";

	static final String JDK_SENDER_CLASS = "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider";

	/** The service name exporters report: agent.tracing.service-name, else the application name. */
	static String serviceName(TracingProperties properties, Environment environment) {
		if (StringUtils.hasText(properties.getServiceName())) {
			return properties.getServiceName();
		}
		return environment.getProperty("spring.application.name", "application");
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("agent.tracing.exporters.jsonl.enabled")
	JsonLinesTraceExporter jsonLinesTraceExporter(TracingProperties properties) {
		TracingProperties.Jsonl jsonl = properties.getExporters().getJsonl();
		return new JsonLinesTraceExporter(Path.of(jsonl.getPath()), jsonl.getMaxFileSize().toBytes(),
				jsonl.getMaxFiles());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("agent.tracing.exporters.zipkin.enabled")
	ZipkinTraceExporter zipkinTraceExporter(TracingProperties properties, Environment environment) {
		TracingProperties.Zipkin zipkin = properties.getExporters().getZipkin();
		return new ZipkinTraceExporter(URI.create(zipkin.getEndpoint()), zipkin.getTimeout(),
				serviceName(properties, environment));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("agent.tracing.exporters.otlp.enabled")
	@ConditionalOnClass(name = { OTLP_EXPORTER_CLASS, JDK_SENDER_CLASS })
	static class OtlpConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OtlpTraceExporter otlpTraceExporter(TracingProperties properties, Environment environment) {
			TracingProperties.Otlp otlp = properties.getExporters().getOtlp();
			return OtlpTraceExporter.builder()
				.endpoint(otlp.getEndpoint())
				.protocol(otlp.getProtocol())
				.headers(otlp.getHeaders())
				.timeout(otlp.getTimeout())
				.compression(otlp.getCompression())
				.retry(otlp.getRetry().getMaxAttempts(), otlp.getRetry().getInitialBackoff(),
						otlp.getRetry().getMaxBackoff())
				.serviceName(serviceName(properties, environment))
				.serviceVersion(properties.getServiceVersion())
				.build();
		}

	}

	/** Enabled without the library: fail now, naming what to add, rather than export nothing. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("agent.tracing.exporters.otlp.enabled")
	@ConditionalOnMissingClass({ OTLP_EXPORTER_CLASS, JDK_SENDER_CLASS })
	static class MissingOtlpLibraryConfiguration {

		MissingOtlpLibraryConfiguration() {
			throw new IllegalStateException("agent.tracing.exporters.otlp.enabled is true, but the OTLP exporter is "
					+ "not on the classpath: add the dependencies io.opentelemetry:opentelemetry-exporter-otlp and "
					+ "io.opentelemetry:opentelemetry-exporter-sender-jdk");
		}

	}

}
