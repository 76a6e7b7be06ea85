package io.agenttracing.autoconfigure;

import java.net.URI;
import java.nio.file.Path;

import io.agenttracing.internal.export.console.ConsoleTraceExporter;
import io.agenttracing.internal.export.jsonl.JsonLinesTraceExporter;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.export.otlp.OtlpTraceExporter;
import io.agenttracing.export.otlp.OtlpTraceExporter;
import io.agenttracing.export.semconv.AttributeConventions;
import io.agenttracing.export.zipkin.ZipkinTraceExporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Every built-in exporter, each switched on by its own
 * {@code agent.tracing.exporters.*.enabled} property
 * ({@link ConditionalOnEnabledTraceExporter}) and replaced by a bean of the same type.
 */
@Configuration(proxyBeanMethods = false)
class TraceExportersConfiguration {

	static final String OTLP_EXPORTER_CLASS = "io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter";

	static final String JDK_SENDER_CLASS = "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider";

	/**
	 * The service name exporters report: agent.tracing.service-name, else the application
	 * name.
	 */
	static String serviceName(TracingProperties properties, Environment environment) {
		if (StringUtils.hasText(properties.getServiceName())) {
			return properties.getServiceName();
		}
		return environment.getProperty("spring.application.name", "application");
	}

	@Bean
	@ConditionalOnMissingBean
	AttributeConventions agentTracingAttributeConventions(TracingProperties properties) {
		return AttributeConventions.of(properties.getExporters().getOtlp().getConventions());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnEnabledTraceExporter(value = "memory", enabledByDefault = true)
	@ConditionalOnProperty(name = "agent.tracing.store", havingValue = "memory", matchIfMissing = true)
	InMemoryTraceExporter inMemoryTraceExporter(TracingProperties properties) {
		return new InMemoryTraceExporter(properties.getExporters().getMemory().getMaxTraces(),
				properties.getLimits().getMaxSpansPerTrace());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnEnabledTraceExporter("console")
	ConsoleTraceExporter consoleTraceExporter(TracingProperties properties) {
		TracingProperties.Console.Format format = properties.getExporters().getConsole().getFormat();
		return new ConsoleTraceExporter(System.out, ConsoleTraceExporter.Format.valueOf(format.name()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnEnabledTraceExporter("jsonl")
	JsonLinesTraceExporter jsonLinesTraceExporter(TracingProperties properties) {
		TracingProperties.Jsonl jsonl = properties.getExporters().getJsonl();
		return new JsonLinesTraceExporter(Path.of(jsonl.getPath()), jsonl.getMaxFileSize().toBytes(),
				jsonl.getMaxFiles());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnEnabledTraceExporter("zipkin")
	ZipkinTraceExporter zipkinTraceExporter(TracingProperties properties, Environment environment,
			AttributeConventions conventions, ObjectProvider<ZipkinTraceExporterCustomizer> customizers) {
		TracingProperties.Zipkin zipkin = properties.getExporters().getZipkin();
		ZipkinTraceExporter.Builder builder = ZipkinTraceExporter.builder()
			.endpoint(URI.create(zipkin.getEndpoint()))
			.timeout(zipkin.getTimeout())
			.serviceName(serviceName(properties, environment))
			.conventions(conventions);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledTraceExporter("otlp")
	@ConditionalOnClass(name = { OTLP_EXPORTER_CLASS, JDK_SENDER_CLASS })
	static class OtlpConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OtlpTraceExporter otlpTraceExporter(TracingProperties properties, Environment environment,
				AttributeConventions conventions, ObjectProvider<OtlpTraceExporterCustomizer> customizers) {
			TracingProperties.Otlp otlp = properties.getExporters().getOtlp();
			OtlpTraceExporter.Builder builder = OtlpTraceExporter.builder()
				.conventions(conventions)
				.endpoint(otlp.getEndpoint())
				.protocol(otlp.getProtocol())
				.headers(otlp.getHeaders())
				.timeout(otlp.getTimeout())
				.compression(otlp.getCompression())
				.retry(otlp.getRetry().getMaxAttempts(), otlp.getRetry().getInitialBackoff(),
						otlp.getRetry().getMaxBackoff())
				.serviceName(serviceName(properties, environment))
				.serviceVersion(properties.getServiceVersion());
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

	}

	/**
	 * Enabled without the library: fail now, naming what to add, rather than export
	 * nothing.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledTraceExporter("otlp")
	@ConditionalOnMissingClass({ OTLP_EXPORTER_CLASS, JDK_SENDER_CLASS })
	static class MissingOtlpLibraryConfiguration {

		MissingOtlpLibraryConfiguration() {
			throw new IllegalStateException("agent.tracing.exporters.otlp.enabled is true, but the OTLP exporter is "
					+ "not on the classpath: add the dependencies io.opentelemetry:opentelemetry-exporter-otlp and "
					+ "io.opentelemetry:opentelemetry-exporter-sender-jdk");
		}

	}

}
