package io.agenttracing.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.Tracing;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.internal.export.console.ConsoleTraceExporter;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.export.otlp.FakeOtlpCollector;
import io.agenttracing.export.semconv.AttributeConventions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One place wires every built-in exporter; customizers adjust OTLP and Zipkin;
 * conventions are a bean.
 */
class ExporterWiringTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentTracingAutoConfiguration.class))
		.withPropertyValues("agent.tracing.export.schedule-delay=10ms");

	@Test
	void eachBuiltInExporterFollowsItsOwnEnabledProperty() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(InMemoryTraceExporter.class)
			.doesNotHaveBean(ConsoleTraceExporter.class));
		this.runner
			.withPropertyValues("agent.tracing.exporters.memory.enabled=false",
					"agent.tracing.exporters.console.enabled=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(InMemoryTraceExporter.class)
					.hasSingleBean(ConsoleTraceExporter.class);
				assertThat(context.getBean(ExportPipeline.class).exporterNames()).containsExactly("console");
			});
	}

	@Test
	void customizersAndConventionsShapeWhatTheCollectorReceives() {
		try (FakeOtlpCollector collector = new FakeOtlpCollector()) {
			this.runner.withUserConfiguration(CustomExport.class)
				.withPropertyValues("agent.tracing.exporters.otlp.enabled=true",
						"agent.tracing.exporters.otlp.endpoint=" + collector.endpoint())
				.run((context) -> {
					try (Span span = Tracing.startSpan("lookup", SpanKind.TOOL)) {
						span.setAttribute("tool.name", "weather");
					}
					await().atMost(Duration.ofSeconds(10)).until(() -> !collector.requests().isEmpty());
					assertThat(collector.headers().get(0)).containsEntry("X-tenant", List.of("acme"));
					assertThat(FakeOtlpCollector.attribute(collector.spans().get(0).getAttributesList(), "team"))
						.isEqualTo("agents");
					assertThat(FakeOtlpCollector.attribute(collector.spans().get(0).getAttributesList(),
							"openinference.span.kind"))
						.isNull();
				});
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomExport {

		@Bean
		OtlpTraceExporterCustomizer tenantHeader() {
			return (builder) -> builder.header("X-Tenant", "acme");
		}

		/**
		 * Only the span's own attributes and a team tag: no OpenInference or GenAI keys.
		 */
		@Bean
		AttributeConventions teamConventions() {
			return new AttributeConventions() {

				@Override
				public Map<String, Object> attributes(SpanData span, TraceData trace) {
					Map<String, Object> attributes = new LinkedHashMap<>(span.attributes());
					attributes.put("team", "agents");
					return attributes;
				}

				@Override
				public boolean isClient(SpanData span) {
					return false;
				}

			};
		}

	}

}
