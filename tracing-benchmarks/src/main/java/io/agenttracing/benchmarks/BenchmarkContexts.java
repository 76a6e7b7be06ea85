package io.agenttracing.benchmarks;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

import io.agenttracing.TraceData;
import io.agenttracing.autoconfigure.AgentTracingAutoConfiguration;
import io.agenttracing.export.TraceExporter;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.aop.ObservedAspect;
import io.opentelemetry.instrumentation.spring.autoconfigure.OpenTelemetryAutoConfiguration;
import io.opentelemetry.instrumentation.spring.autoconfigure.internal.instrumentation.annotations.InstrumentationAnnotationsAutoConfiguration;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One real Spring Boot context per benchmarked tool, each with only the
 * auto-configuration that tool needs, so that no tool's instrumentation touches another's
 * benchmark.
 */
final class BenchmarkContexts {

	private BenchmarkContexts() {
	}

	static ConfigurableApplicationContext start(Class<?> configuration, String... properties) {
		// The sample app's application.yml is on this module's classpath (for the load
		// test): a config name of our own keeps it out, and arguments take precedence
		// over anything else.
		String[] arguments = new String[properties.length + 3];
		arguments[0] = "--spring.config.name=benchmarks";
		arguments[1] = "--spring.main.banner-mode=off";
		arguments[2] = "--logging.level.root=WARN";
		for (int i = 0; i < properties.length; i++) {
			arguments[i + 3] = "--" + properties[i];
		}
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(arguments);
	}

	@Configuration(proxyBeanMethods = false)
	static class PlainConfiguration {

		@Bean
		Workloads.Plain plain() {
			return new Workloads.Plain();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(AopAutoConfiguration.class)
	static class NoopAdviceConfiguration {

		@Bean
		Workloads.NoopAspect noopAspect() {
			return new Workloads.NoopAspect();
		}

		@Bean
		Workloads.NoopAdvisedWork noopAdvisedWork() {
			return new Workloads.NoopAdvisedWork();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, AgentTracingAutoConfiguration.class })
	static class TracedConfiguration {

		@Bean
		Workloads.TracedWork tracedWork() {
			return new Workloads.TracedWork();
		}

		@Bean
		Workloads.TracedAgent tracedAgent(Workloads.TracedWork tools) {
			return new Workloads.TracedAgent(tools);
		}

		@Bean
		CountingTraceExporter countingTraceExporter() {
			return new CountingTraceExporter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, OpenTelemetryAutoConfiguration.class,
			InstrumentationAnnotationsAutoConfiguration.class })
	static class WithSpanConfiguration {

		@Bean
		Workloads.WithSpanWork withSpanWork() {
			return new Workloads.WithSpanWork();
		}

		@Bean
		CountingSpanExporter countingSpanExporter() {
			return new CountingSpanExporter();
		}

		/** The SDK's default BatchSpanProcessor in front of an exporter that discards. */
		@Bean
		AutoConfigurationCustomizerProvider discardingBatchProcessor(CountingSpanExporter exporter) {
			return (customizer) -> customizer.addTracerProviderCustomizer(
					(builder, config) -> builder.addSpanProcessor(BatchSpanProcessor.builder(exporter).build()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, ObservationAutoConfiguration.class,
			MicrometerTracingAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
			OpenTelemetryTracingAutoConfiguration.class })
	static class ObservedConfiguration {

		@Bean
		Workloads.ObservedWork observedWork() {
			return new Workloads.ObservedWork();
		}

		@Bean
		ObservedAspect observedAspect(ObservationRegistry registry) {
			return new ObservedAspect(registry);
		}

		@Bean
		CountingSpanExporter countingSpanExporter() {
			return new CountingSpanExporter();
		}

	}

	/** Our exporter that discards, counting what it was given. */
	static final class CountingTraceExporter implements TraceExporter {

		final AtomicLong traces = new AtomicLong();

		final AtomicLong spans = new AtomicLong();

		@Override
		public void export(TraceData trace) {
			this.traces.incrementAndGet();
			this.spans.addAndGet(trace.spanCount());
		}

		@Override
		public String name() {
			return "discard";
		}

	}

	/** An OpenTelemetry exporter that discards, counting what it was given. */
	static final class CountingSpanExporter implements SpanExporter {

		final AtomicLong spans = new AtomicLong();

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			this.spans.addAndGet(spans.size());
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
