package io.agenttracing.testing;

import io.agenttracing.Span;
import io.agenttracing.Tracing;

import java.time.Duration;
import java.util.List;

import io.agenttracing.TraceData;
import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.internal.annotation.TracedAdvisor;
import io.agenttracing.internal.annotation.TracedMethodInterceptor;
import io.agenttracing.internal.capture.JsonValueCapturer;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.export.memory.TraceQuery;

import org.springframework.aop.framework.ProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tracer exporting through the real pipeline into the in-memory store, and Spring
 * proxies that apply {@code @Traced} with it: the aspect under test without an
 * application context.
 */
public final class TracingFixture implements AutoCloseable {

	private final InMemoryTraceExporter memory = new InMemoryTraceExporter(100);

	private final ExportPipeline pipeline = ExportPipeline.builder()
		.exporter(this.memory)
		.scheduleDelay(Duration.ofMillis(10))
		.build();

	private final RecordingTracer tracer;

	public TracingFixture(int maxValueLength, List<String> redactKeys) {
		this(maxValueLength, redactKeys, Span.Level.INFO);
	}

	public TracingFixture(int maxValueLength, List<String> redactKeys, Span.Level minimumLevel) {
		this.tracer = RecordingTracer.builder()
			.sink(this.pipeline)
			.capturer(new JsonValueCapturer(maxValueLength, redactKeys))
			.minimumLevel(minimumLevel)
			.build();
		// What the auto-configuration does: Tracing.currentSpan() reads through it.
		Tracing.install(this.tracer);
	}

	public RecordingTracer tracer() {
		return this.tracer;
	}

	/** A class-based proxy of {@code target} with the {@code @Traced} advisor. */
	@SuppressWarnings("unchecked")
	public <T> T proxy(T target) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new TracedAdvisor(TracedMethodInterceptor.create(this.tracer, true, true), 0));
		return (T) factory.getProxy();
	}

	public ExportPipeline pipeline() {
		return this.pipeline;
	}

	public InMemoryTraceExporter store() {
		return this.memory;
	}

	/** The traces exported so far, newest first, once the pipeline has delivered them. */
	public List<TraceData> traces() {
		assertThat(this.pipeline.flush(Duration.ofSeconds(5))).isTrue();
		return this.memory.findAll(TraceQuery.all());
	}

	@Override
	public void close() {
		Tracing.uninstall(this.tracer);
		this.pipeline.close();
	}

}
