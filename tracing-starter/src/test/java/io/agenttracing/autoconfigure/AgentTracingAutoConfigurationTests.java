package io.agenttracing.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.Tracer;
import io.agenttracing.Tracing;
import io.agenttracing.internal.actuate.TracesEndpoint;
import io.agenttracing.annotation.Traced;
import io.agenttracing.internal.annotation.TracedAdvisor;
import io.agenttracing.internal.capture.JsonValueCapturer;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.export.TraceExporter;
import io.agenttracing.internal.export.console.ConsoleTraceExporter;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.export.memory.TraceQuery;
import io.agenttracing.internal.export.jsonl.JsonLinesTraceExporter;
import io.agenttracing.internal.export.metrics.MicrometerExportListener;
import io.agenttracing.export.otlp.OtlpTraceExporter;
import io.agenttracing.export.zipkin.ZipkinTraceExporter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AgentTracingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, AgentTracingAutoConfiguration.class,
				TracesEndpointAutoConfiguration.class))
		.withPropertyValues("agent.tracing.export.schedule-delay=10ms");

	@Test
	void tracesAnnotatedBeansIntoTheMemoryStore() {
		this.runner.withUserConfiguration(ServiceConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Tracer.class)
				.hasSingleBean(ExportPipeline.class)
				.hasSingleBean(TracedAdvisor.class)
				.hasSingleBean(JsonValueCapturer.class)
				.hasSingleBean(InMemoryTraceExporter.class)
				.doesNotHaveBean(ConsoleTraceExporter.class);
			GreetingService service = context.getBean(GreetingService.class);
			assertThat(AopUtils.isAopProxy(service)).isTrue();
			assertThat(service.greet("Ada")).isEqualTo("Hello Ada");
			InMemoryTraceExporter memory = context.getBean(InMemoryTraceExporter.class);
			await().untilAsserted(() -> assertThat(memory.findAll(TraceQuery.all())).singleElement()
				.satisfies((trace) -> assertThat(trace.name()).isEqualTo("GreetingService.greet")));
			assertThat(Tracing.tracer()).isSameAs(context.getBean(Tracer.class));
		});
	}

	@Test
	void disabledTracingCreatesNoProxyAndNoBeans() {
		this.runner.withUserConfiguration(ServiceConfiguration.class)
			.withPropertyValues("agent.tracing.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(Tracer.class)
					.doesNotHaveBean(TracedAdvisor.class)
					.doesNotHaveBean(ExportPipeline.class);
				GreetingService service = context.getBean(GreetingService.class);
				assertThat(AopUtils.isAopProxy(service)).isFalse();
				assertThat(service.greet("Ada")).isEqualTo("Hello Ada");
			});
	}

	@Test
	void applicationExporterBeansReceiveTraces() {
		this.runner.withUserConfiguration(ServiceConfiguration.class, RecordingExporterConfiguration.class)
			.run((context) -> {
				context.getBean(GreetingService.class).greet("Grace");
				RecordingExporter exporter = context.getBean(RecordingExporter.class);
				await().untilAsserted(() -> assertThat(exporter.traces).hasSize(1));
				assertThat(context.getBean(ExportPipeline.class).exporterNames()).contains("recording", "memory");
			});
	}

	@Test
	void consoleExporterIsEnabledByProperty() {
		this.runner
			.withPropertyValues("agent.tracing.exporters.console.enabled=true",
					"agent.tracing.exporters.console.format=json", "agent.tracing.exporters.memory.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(ConsoleTraceExporter.class)
				.doesNotHaveBean(InMemoryTraceExporter.class)
				.doesNotHaveBean(TracesEndpoint.class));
	}

	@Test
	void endpointIsAvailableOnlyWhenExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(TracesEndpoint.class));
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=traces")
			.run((context) -> assertThat(context).hasSingleBean(TracesEndpoint.class));
	}

	@Test
	void startsWithoutActuatorOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("management.endpoints.web.exposure.include=traces")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Tracer.class)
				.doesNotHaveBean(TracesEndpoint.class));
	}

	@Test
	void metricsRecordSpanDurationsAndExportedTraces() {
		this.runner.withUserConfiguration(ServiceConfiguration.class)
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(MicrometerExportListener.class);
				context.getBean(GreetingService.class).greet("Linus");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				// Tagged by kind and status: a tag per span name only when metrics.span-
				// names is on.
				await().untilAsserted(() -> assertThat(registry.find(MicrometerExportListener.SPAN_DURATION)
					.tags("kind", "AGENT", "status", "OK")
					.timer()).isNotNull());
				await().untilAsserted(() -> assertThat(
						registry.get(MicrometerExportListener.EXPORTED).tag("exporter", "memory").counter().count())
					.isEqualTo(1.0));
				assertThat(registry.get("agent.tracing.queue.size").gauge().value()).isZero();
			});
	}

	@Test
	void outboundExportersAreEnabledByProperty() {
		this.runner
			.withPropertyValues("spring.application.name=chat-app", "agent.tracing.exporters.otlp.enabled=true",
					"agent.tracing.exporters.zipkin.enabled=true", "agent.tracing.exporters.jsonl.enabled=true",
					"agent.tracing.exporters.jsonl.path=target/test-traces.jsonl")
			.run((context) -> {
				assertThat(context).hasSingleBean(OtlpTraceExporter.class)
					.hasSingleBean(ZipkinTraceExporter.class)
					.hasSingleBean(JsonLinesTraceExporter.class);
				assertThat(context.getBean(ExportPipeline.class).exporterNames()).contains("otlp", "zipkin", "jsonl",
						"memory");
			});
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(OtlpTraceExporter.class)
			.doesNotHaveBean(ZipkinTraceExporter.class)
			.doesNotHaveBean(JsonLinesTraceExporter.class));
	}

	@Test
	void otlpEnabledWithoutTheLibraryFailsNamingTheDependency() {
		this.runner.withClassLoader(new FilteredClassLoader("io.opentelemetry.exporter"))
			.withPropertyValues("agent.tracing.exporters.otlp.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(allMessages(context.getStartupFailure()))
					.contains("io.opentelemetry:opentelemetry-exporter-otlp");
			});
		this.runner.withClassLoader(new FilteredClassLoader("io.opentelemetry.exporter"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void genAiMetricsFollowTheOpenTelemetryConventions() {
		this.runner.withUserConfiguration(ServiceConfiguration.class)
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> {
				context.getBean(GreetingService.class).complete("hi");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				await().untilAsserted(() -> assertThat(registry.find(MicrometerExportListener.TOKEN_USAGE)
					.tags("gen_ai.token.type", "input", "gen_ai.operation.name", "chat", "gen_ai.provider.name",
							"simulated", "gen_ai.request.model", "sim-1")
					.summary()).isNotNull());
				assertThat(registry.get(MicrometerExportListener.TOKEN_USAGE)
					.tag("gen_ai.token.type", "output")
					.summary()
					.totalAmount()).isEqualTo(7.0);
				assertThat(registry.get(MicrometerExportListener.OPERATION_DURATION)
					.tag("gen_ai.request.model", "sim-1")
					.tag("error.type", "none")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get("agent.tracing.exporter.queue.size").tag("exporter", "memory").gauge().value())
					.isZero();
			});
	}

	@Test
	void invalidPropertiesFailStartupNamingTheProperty() {
		assertFailsNaming("agent.tracing.sampling.probability=1.5", "agent.tracing.sampling.probability");
		assertFailsNaming("agent.tracing.export.queue-capacity=-1", "agent.tracing.export.queue-capacity");
		assertFailsNaming("agent.tracing.capture.max-value-length=3", "agent.tracing.capture.max-value-length");
		assertFailsNaming("agent.tracing.exporters.memory.max-traces=0", "agent.tracing.exporters.memory.max-traces");
		assertFailsNaming("agent.tracing.exporters.console.format=xml", "agent.tracing.exporters.console.format");
		assertFailsNaming("agent.tracing.limits.max-spans-per-trace=0", "agent.tracing.limits.max-spans-per-trace");
		assertFailsNaming("agent.tracing.export.schedule-delay=0s", "agent.tracing.export.schedule-delay");
		assertFailsNaming("agent.tracing.exporters.otlp.enabled=true", "agent.tracing.exporters.otlp.endpoint",
				"agent.tracing.exporters.otlp.endpoint=localhost:4318");
		assertFailsNaming("agent.tracing.exporters.otlp.enabled=true", "agent.tracing.exporters.otlp.protocol",
				"agent.tracing.exporters.otlp.protocol=http/json");
		assertFailsNaming("agent.tracing.exporters.otlp.enabled=true", "agent.tracing.exporters.otlp.compression",
				"agent.tracing.exporters.otlp.compression=brotli");
		assertFailsNaming("agent.tracing.exporters.otlp.enabled=true", "agent.tracing.exporters.otlp.timeout",
				"agent.tracing.exporters.otlp.timeout=0s");
		assertFailsNaming("agent.tracing.exporters.otlp.enabled=true",
				"agent.tracing.exporters.otlp.retry.max-attempts", "agent.tracing.exporters.otlp.retry.max-attempts=9");
		assertFailsNaming("agent.tracing.exporters.otlp.enabled=true", "agent.tracing.exporters.otlp.retry.max-backoff",
				"agent.tracing.exporters.otlp.retry.max-backoff=-1s");
		assertFailsNaming("agent.tracing.exporters.zipkin.enabled=true", "agent.tracing.exporters.zipkin.endpoint",
				"agent.tracing.exporters.zipkin.endpoint=not a url");
	}

	@Test
	void theHttpSwitchesBindAsTheReadmeSpellsThem() {
		this.runner.withPropertyValues("agent.tracing.http.error-on-4xx=true", "agent.tracing.http.client-spans=false")
			.run((context) -> {
				TracingProperties.Http http = context.getBean(TracingProperties.class).getHttp();
				assertThat(http.isErrorOn4xx()).isTrue();
				assertThat(http.isClientSpans()).isFalse();
			});
	}

	@Test
	void eachEvaluatorHasItsOwnLaneSettingsAndBadOnesFailStartup() {
		this.runner
			.withPropertyValues("agent.tracing.evaluation.tool-errors.enabled=true",
					"agent.tracing.evaluation.sampling-probability=0.5",
					"agent.tracing.evaluation.evaluators.tool-errors.sampling-probability=1",
					"agent.tracing.evaluation.evaluators.tool-errors.queue-capacity=7")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				TracingProperties.Evaluation evaluation = context.getBean(TracingProperties.class).getEvaluation();
				assertThat(evaluation.samplingProbabilityOf("tool-errors")).isEqualTo(1.0);
				assertThat(evaluation.queueCapacityOf("tool-errors")).isEqualTo(7);
				assertThat(evaluation.samplingProbabilityOf("judge")).isEqualTo(0.5);
				assertThat(context.getBean(io.agenttracing.internal.export.ExportPipeline.class).exporterNames())
					.contains("evaluator:tool-errors");
			});
		assertFailsNaming("agent.tracing.evaluation.evaluators.judge.sampling-probability=2",
				"evaluation.evaluators[judge].samplingProbability");
		assertFailsNaming("agent.tracing.evaluation.evaluators.judge.queue-capacity=0",
				"evaluation.evaluators[judge].queueCapacity");
	}

	private void assertFailsNaming(String property, String name, String... more) {
		this.runner.withPropertyValues(property).withPropertyValues(more).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isNotNull();
			assertThat(allMessages(context.getStartupFailure())).contains(name);
		});
	}

	private static String allMessages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			messages.append(t.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConfiguration {

		@Bean
		GreetingService greetingService() {
			return new GreetingService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingExporterConfiguration {

		@Bean
		RecordingExporter recordingExporter() {
			return new RecordingExporter();
		}

	}

	static class GreetingService {

		@Traced(kind = SpanKind.AGENT)
		public String greet(String name) {
			return "Hello " + name;
		}

		@Traced(kind = SpanKind.LLM)
		public String complete(String prompt) {
			Tracing.currentSpan()
				.setModel("sim-1")
				.setTokenUsage(5, 7)
				.setAttribute("gen_ai.provider.name", "simulated");
			return "hello";
		}

	}

	static class RecordingExporter implements TraceExporter {

		final List<TraceData> traces = new CopyOnWriteArrayList<>();

		@Override
		public void export(TraceData trace) {
			this.traces.add(trace);
		}

		@Override
		public String name() {
			return "recording";
		}

	}

}
