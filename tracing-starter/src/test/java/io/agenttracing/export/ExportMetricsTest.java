package io.agenttracing.export;

import io.agenttracing.internal.export.ExportPipeline;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.autoconfigure.AgentTracingAutoConfiguration;
import io.agenttracing.internal.export.metrics.MicrometerExportListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is dropped or cut is visible, counters exist before the first failure, and
 * shutdown loses nothing queued.
 */
class ExportMetricsTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, AgentTracingAutoConfiguration.class));

	@Test
	void countersExistAtZeroFromStartupAndTheOpenTraceGaugeIsThere() {
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(MicrometerExportListener.FAILED).tag("exporter", "memory").counter().count())
				.isZero();
			assertThat(registry.get(MicrometerExportListener.DROPPED).tag("exporter", "memory").counter().count())
				.isZero();
			assertThat(registry.get(MicrometerExportListener.DROPPED).tag("exporter", "queue").counter().count())
				.isZero();
			assertThat(registry.get(MicrometerExportListener.SPANS_DROPPED).counter().count()).isZero();
			assertThat(registry.get("agent.tracing.traces.open").gauge().value()).isZero();
		});
	}

	@Test
	void droppedSpansAreCountedAndShownAndDurationsAreNotTaggedByNameByDefault() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MicrometerExportListener listener = new MicrometerExportListener(registry, List.of("memory"), 0);
		try (ExportPipeline pipeline = ExportPipeline.builder().exporter((TraceData trace) -> {
		}).listener(listener).build()) {
			RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).maxSpansPerTrace(3).build();
			try (Span root = tracer.startSpan("root", SpanKind.AGENT)) {
				for (int i = 0; i < 5; i++) {
					tracer.startSpan("step-" + i, SpanKind.TOOL).close();
				}
				root.setAttribute("n", 1);
			}
			assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
		}
		assertThat(registry.get(MicrometerExportListener.SPANS_DROPPED).counter().count()).isEqualTo(3);
		assertThat(registry.get(MicrometerExportListener.SPAN_DURATION).timers())
			.allSatisfy((timer) -> assertThat(timer.getId().getTag("name")).isNull())
			.hasSize(2);
	}

	@Test
	void spanNameTagsAreCappedWhenAskedFor() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MicrometerExportListener listener = new MicrometerExportListener(registry, List.of(), 2);
		try (ExportPipeline pipeline = ExportPipeline.builder().listener(listener).exporter((TraceData t) -> {
		}).build()) {
			RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).build();
			for (int i = 0; i < 50; i++) {
				tracer.startSpan("generated-" + i, SpanKind.INTERNAL).close();
			}
			assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
		}
		assertThat(registry.get(MicrometerExportListener.SPAN_DURATION).timers())
			.extracting((timer) -> timer.getId().getTag("name"))
			.containsExactlyInAnyOrder("generated-0", "generated-1", "other");
	}

	@Test
	void scoresArePlottableOverTimeWithBoundedNames() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MicrometerExportListener listener = new MicrometerExportListener(registry);
		TraceData trace = TraceData.of("4bf92f3577b34da6a3ce929d0e0e4736", "chat", 0, null, List.of(), true, 0)
			.withScores(List.of(io.agenttracing.Score.numeric("relevance", 0.8),
					io.agenttracing.Score.bool("helpful", false).withSource(io.agenttracing.Score.USER_FEEDBACK),
					io.agenttracing.Score.categorical("topic", "travel")));
		listener.onTrace(trace);
		listener.onTrace(trace);
		for (int i = 0; i < 60; i++) {
			listener.onTrace(trace.withScores(List.of(io.agenttracing.Score.numeric("generated-" + i, i))));
		}

		var relevance = registry.get(MicrometerExportListener.SCORES).tag("name", "relevance").summary();
		assertThat(relevance.count()).isEqualTo(2);
		assertThat(relevance.mean()).isEqualTo(0.8);
		assertThat(registry.get(MicrometerExportListener.SCORES)
			.tag("name", "helpful")
			.tag("source", "USER_FEEDBACK")
			.summary()
			.totalAmount()).isZero();
		// A label has no value to plot; names past the bound share "other".
		assertThat(registry.find(MicrometerExportListener.SCORES).tag("name", "topic").summary()).isNull();
		assertThat(registry.get(MicrometerExportListener.SCORES).summaries()).hasSize(50 + 1);
	}

	@Test
	void theConsoleHeaderSaysWhatWasDropped() {
		RecordingTracer tracer = RecordingTracer.builder().maxSpansPerTrace(2).sink((export) -> {
			String tree = ConsoleTraceExporterAccess.tree(export.snapshot());
			assertThat(tree.lines().findFirst().orElseThrow()).contains("dropped=2 spans");
			assertThat(export.snapshot().toJson()).contains("\"droppedSpans\":2");
		}).build();
		try (Span root = tracer.startSpan("root", SpanKind.AGENT)) {
			for (int i = 0; i < 3; i++) {
				tracer.startSpan("step", SpanKind.TOOL).close();
			}
			root.setAttribute("n", 1);
		}
	}

	@Test
	void gracefulShutdownExportsEveryQueuedTraceWithinTheTimeout() {
		SlowExporter.exported.set(0);
		this.runner.withUserConfiguration(SlowExporter.class).run((context) -> {
			RecordingTracer tracer = context.getBean(RecordingTracer.class);
			for (int i = 0; i < 200; i++) {
				tracer.startSpan("queued-" + i, SpanKind.INTERNAL).close();
			}
			// Closing the context is what SIGTERM does to a Boot application.
		});
		assertThat(SlowExporter.exported.get()).isEqualTo(200);
	}

	@Configuration(proxyBeanMethods = false)
	static class SlowExporter {

		static final AtomicInteger exported = new AtomicInteger();

		@Bean
		TraceExporter slowExporter() {
			return (TraceData trace) -> {
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exported.incrementAndGet();
			};
		}

	}

}
