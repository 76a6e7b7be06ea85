package io.agenttracing.autoconfigure;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import io.agenttracing.Tracing;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.export.TraceExporter;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.export.memory.TraceQuery;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Programmatic spans, disabled tracing, exporter names and the configuration metadata.
 */
class StartupAndWiringTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentTracingAutoConfiguration.class))
		.withPropertyValues("agent.tracing.export.schedule-delay=10ms");

	@Test
	void aSpanClosedByTryWithResourcesEndsLikeATracedMethod() {
		this.runner.run((context) -> {
			try (Span ok = Tracing.startSpan("rerank", SpanKind.INTERNAL)) {
				ok.setAttribute("candidates", 3);
			}
			try (Span failed = Tracing.startSpan("fetch", SpanKind.NETWORK)) {
				failed.setError(new IllegalStateException("down"));
			}
			InMemoryTraceExporter memory = context.getBean(InMemoryTraceExporter.class);
			await().untilAsserted(() -> assertThat(memory.findAll(TraceQuery.all())).hasSize(2));
			Map<String, SpanStatus> statuses = new HashMap<>();
			memory.findAll(TraceQuery.all()).forEach((trace) -> statuses.put(trace.name(), trace.status()));
			assertThat(statuses).containsEntry("rerank", SpanStatus.OK).containsEntry("fetch", SpanStatus.ERROR);
		});
	}

	@Test
	void withTracingDisabledProgrammaticSpansRecordNothing() {
		this.runner.withPropertyValues("agent.tracing.enabled=false").run((context) -> {
			try (Span span = Tracing.startSpan("rerank", SpanKind.INTERNAL)) {
				assertThat(span.isRecording()).isFalse();
				assertThat(Tracing.currentTrace()).isNull();
				span.setAttribute("kept", "nothing");
			}
			assertThat(context).doesNotHaveBean(ExportPipeline.class);
		});
	}

	@Test
	void anExporterBeanIsNamedAfterItsBean() {
		this.runner.withUserConfiguration(AuditConfiguration.class).run((context) -> {
			ExportPipeline pipeline = context.getBean(ExportPipeline.class);
			assertThat(pipeline.exporterNames()).containsExactlyInAnyOrder("memory", "auditExporter");
			try (Span span = Tracing.startSpan("audited", SpanKind.INTERNAL)) {
				span.setAttribute("n", 1);
			}
			await().until(() -> AuditConfiguration.exportedOn != null);
			assertThat(AuditConfiguration.exportedOn).isEqualTo("agent-tracing-export-auditExporter");
		});
	}

	@Test
	void theMetadataListsEveryPropertyWithItsDefault() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		Map<String, JsonNode> properties = new HashMap<>();
		metadata.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		// The processor cannot read defaults that are constants of other classes; the
		// additional metadata states them, and this checks them against the properties'
		// real defaults.
		TracingProperties fresh = new TracingProperties();
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("agent.tracing.enabled", fresh.isEnabled());
		defaults.put("agent.tracing.aspect-order", fresh.getAspectOrder());
		defaults.put("agent.tracing.reactor.context-propagation", fresh.getReactor().isContextPropagation());
		defaults.put("agent.tracing.capture.max-value-length", fresh.getCapture().getMaxValueLength());
		defaults.put("agent.tracing.limits.max-spans-per-trace", fresh.getLimits().getMaxSpansPerTrace());
		defaults.put("agent.tracing.limits.max-attributes-per-span", fresh.getLimits().getMaxAttributesPerSpan());
		defaults.put("agent.tracing.limits.max-events-per-span", fresh.getLimits().getMaxEventsPerSpan());
		defaults.put("agent.tracing.limits.max-signals-per-span", fresh.getLimits().getMaxSignalsPerSpan());
		defaults.put("agent.tracing.limits.max-tags-per-span", fresh.getLimits().getMaxTagsPerSpan());
		defaults.put("agent.tracing.limits.max-stack-frames", fresh.getLimits().getMaxStackFrames());
		defaults.put("agent.tracing.limits.max-name-length", fresh.getLimits().getMaxNameLength());
		defaults.put("agent.tracing.exporters.memory.max-traces", fresh.getExporters().getMemory().getMaxTraces());
		defaults.put("agent.tracing.export.queue-capacity", fresh.getExport().getQueueCapacity());
		defaults.put("agent.tracing.export.schedule-delay", fresh.getExport().getScheduleDelay().toMillis() + "ms");
		defaults.put("agent.tracing.export.timeout", fresh.getExport().getTimeout().toSeconds() + "s");
		TracingProperties.Exporters exporters = fresh.getExporters();
		defaults.put("agent.tracing.exporters.jsonl.path", exporters.getJsonl().getPath());
		defaults.put("agent.tracing.exporters.jsonl.max-file-size",
				exporters.getJsonl().getMaxFileSize().toMegabytes() + "MB");
		defaults.put("agent.tracing.exporters.jsonl.max-files", exporters.getJsonl().getMaxFiles());
		defaults.put("agent.tracing.exporters.otlp.endpoint", exporters.getOtlp().getEndpoint());
		defaults.put("agent.tracing.exporters.otlp.protocol", exporters.getOtlp().getProtocol());
		defaults.put("agent.tracing.exporters.otlp.compression", exporters.getOtlp().getCompression());
		defaults.put("agent.tracing.exporters.otlp.timeout", exporters.getOtlp().getTimeout().toSeconds() + "s");
		defaults.put("agent.tracing.exporters.otlp.retry.max-attempts",
				exporters.getOtlp().getRetry().getMaxAttempts());
		defaults.put("agent.tracing.exporters.otlp.retry.initial-backoff",
				exporters.getOtlp().getRetry().getInitialBackoff().toSeconds() + "s");
		defaults.put("agent.tracing.exporters.otlp.retry.max-backoff",
				exporters.getOtlp().getRetry().getMaxBackoff().toSeconds() + "s");
		defaults.put("agent.tracing.exporters.zipkin.endpoint", exporters.getZipkin().getEndpoint());
		defaults.put("agent.tracing.exporters.zipkin.timeout", exporters.getZipkin().getTimeout().toSeconds() + "s");
		defaults.forEach((name, value) -> {
			assertThat(properties).as(name).containsKey(name);
			assertThat(properties.get(name).get("defaultValue")).as(name).isNotNull();
			assertThat(properties.get(name).get("defaultValue").asString()).as(name).isEqualTo(String.valueOf(value));
		});
		// Every other property states its default too, but for those that have none on
		// purpose.
		List<String> withoutDefault = properties.values()
			.stream()
			.filter((property) -> property.get("defaultValue") == null)
			.map((property) -> property.get("name").asString())
			.sorted()
			.toList();
		// No budget unless the application sets one.
		assertThat(withoutDefault).containsExactly("agent.tracing.evaluation.budget.max-cost",
				"agent.tracing.evaluation.budget.max-duration", "agent.tracing.evaluation.evaluators",
				"agent.tracing.exporters.otlp.headers", "agent.tracing.pricing.models",
				"agent.tracing.sampling.keep-slower-than", "agent.tracing.service-name",
				"agent.tracing.service-version");
		assertThat(properties).containsKeys("agent.tracing.capture.redact-keys",
				"agent.tracing.capture.unredacted-keys", "agent.tracing.capture.redact-patterns",
				"agent.tracing.capture.allowed-headers");
	}

	@Configuration(proxyBeanMethods = false)
	static class AuditConfiguration {

		static volatile String exportedOn;

		@Bean
		TraceExporter auditExporter() {
			return (TraceData trace) -> exportedOn = Thread.currentThread().getName();
		}

	}

}
