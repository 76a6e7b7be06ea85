package io.agenttracing.context;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.agenttracing.internal.trace.CurrentContext;
import io.agenttracing.Span;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.Tracer;
import io.agenttracing.Tracing;
import io.agenttracing.annotation.Traced;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.threads.virtual.enabled=true}, Boot's executor runs tasks on virtual
 * threads, and the trace scope follows them. Needs Java 21 or later: the build runs it on
 * the Temurin 25 JDK (or on the build's own JDK when that is 21+), in a test execution of
 * its own.
 */
@Tag("virtual-threads")
@SpringBootTest(classes = VirtualThreadPropagationTest.Application.class,
		properties = { "spring.threads.virtual.enabled=true", "agent.tracing.export.schedule-delay=10ms" })
class VirtualThreadPropagationTest {

	@Autowired
	Tracer tracer;

	@Autowired
	VirtualWorker worker;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	AsyncTaskExecutor executor;

	@Autowired
	InMemoryTraceExporter memory;

	@Autowired
	ExportPipeline pipeline;

	@Test
	void asyncWorkOnVirtualThreadsJoinsTheCallersTrace() throws Exception {
		String traceId;
		try (Span root = this.tracer.startSpan("root", SpanKind.WORKFLOW)) {
			traceId = root.traceId();
			assertThat(this.worker.work("async").get()).isEqualTo("async");
			assertThat(this.executor.submit(() -> this.worker.direct("submitted").join()).get()).isEqualTo("submitted");
		}
		assertThat(this.pipeline.flush(Duration.ofSeconds(5))).isTrue();
		TraceData trace = this.memory.findById(traceId).orElseThrow();
		SpanData root = trace.span("root");
		assertThat(trace.spans()).filteredOn((span) -> span.kind() == SpanKind.TOOL).hasSize(2).allSatisfy((span) -> {
			assertThat(span.parentId()).isEqualTo(root.spanId());
			assertThat(span.attribute("thread.virtual")).isEqualTo(true);
		});
		assertThat(this.executor.submit(CurrentContext::get).get()).isNull();
	}

	static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Virtual threads need Java 21 or later", ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableAsync
	@Import(VirtualWorker.class)
	static class Application {

	}

	static class VirtualWorker {

		@Async
		@Traced(kind = SpanKind.TOOL)
		public CompletableFuture<String> work(String what) {
			Tracing.currentSpan().setAttribute("thread.virtual", isVirtual(Thread.currentThread()));
			return CompletableFuture.completedFuture(what);
		}

		@Traced(kind = SpanKind.TOOL)
		public CompletableFuture<String> direct(String what) {
			Tracing.currentSpan().setAttribute("thread.virtual", isVirtual(Thread.currentThread()));
			return CompletableFuture.completedFuture(what);
		}

	}

}
