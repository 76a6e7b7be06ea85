package io.agenttracing.context;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.agenttracing.internal.trace.CurrentContext;
import io.agenttracing.Span;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.Tracer;
import io.agenttracing.annotation.Traced;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.export.memory.TraceQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace scope follows work to other threads: {@code @Async}, Boot's auto-configured
 * executor, an executor built with Boot's builder, {@code CompletableFuture.supplyAsync}
 * on a Spring executor, and a plain executor wrapped by {@link ContextExecutors}. Worker
 * threads keep nothing.
 */
@SpringBootTest(classes = ThreadPropagationTest.Application.class,
		properties = { "agent.tracing.export.schedule-delay=10ms", "spring.task.execution.pool.core-size=2",
				"spring.task.execution.mode=force" })
class ThreadPropagationTest {

	@Autowired
	Tracer tracer;

	@Autowired
	Worker worker;

	@Autowired
	AsyncWorker asyncWorker;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	ThreadPoolTaskExecutor applicationTaskExecutor;

	@Autowired
	@Qualifier("agentExecutor")
	ThreadPoolTaskExecutor agentExecutor;

	@Autowired
	InMemoryTraceExporter memory;

	@Autowired
	ExportPipeline pipeline;

	@BeforeEach
	void clear() {
		this.memory.clear();
	}

	/** Runs {@code work} inside a root span and returns the finished trace. */
	private TraceData underRoot(ThrowingRunnable work) throws Exception {
		String traceId;
		try (Span root = this.tracer.startSpan("root", SpanKind.WORKFLOW)) {
			traceId = root.traceId();
			work.run();
		}
		assertThat(CurrentContext.get()).isNull();
		assertThat(this.pipeline.flush(Duration.ofSeconds(5))).isTrue();
		return this.memory.findById(traceId).orElseThrow();
	}

	private static void assertChildOfRoot(TraceData trace, String name) {
		SpanData root = trace.span("root");
		SpanData child = trace.span(name);
		assertThat(child).as(name).isNotNull();
		assertThat(child.parentId()).isEqualTo(root.spanId());
		assertThat(child.traceId()).isEqualTo(root.traceId());
	}

	@Test
	void asyncMethodJoinsTheCallersTrace() throws Exception {
		TraceData trace = underRoot(() -> assertThat(this.asyncWorker.work("a").get()).isEqualTo("async a"));
		assertChildOfRoot(trace, "AsyncWorker.work");
		assertThat(trace.span("AsyncWorker.work").attribute("thread").toString()).startsWith("task-");
		assertWorkersAreClean(this.applicationTaskExecutor);
	}

	@Test
	void bootsAutoConfiguredExecutorCarriesTheScope() throws Exception {
		TraceData trace = underRoot(() -> this.applicationTaskExecutor.submit(() -> this.worker.call("pool")).get());
		assertChildOfRoot(trace, "Worker.call");
		assertWorkersAreClean(this.applicationTaskExecutor);
	}

	@Test
	void executorBuiltWithBootsBuilderCarriesTheScope() throws Exception {
		TraceData trace = underRoot(() -> this.agentExecutor.submit(() -> this.worker.call("built")).get());
		assertChildOfRoot(trace, "Worker.call");
		assertWorkersAreClean(this.agentExecutor);
	}

	@Test
	void completableFutureOnASpringExecutorCarriesTheScope() throws Exception {
		TraceData trace = underRoot(() -> {
			CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> this.worker.call("one"),
					this.agentExecutor);
			CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> this.worker.call("two"),
					this.applicationTaskExecutor);
			assertThat(first.thenCombine(second, String::concat).get()).isEqualTo("called onecalled two");
		});
		assertThat(trace.spans()).filteredOn((span) -> span.name().equals("Worker.call"))
			.hasSize(2)
			.allSatisfy((span) -> assertThat(span.parentId()).isEqualTo(trace.span("root").spanId()));
	}

	@Test
	void plainExecutorWrappedByContextExecutorsCarriesTheScope() throws Exception {
		ExecutorService plain = Executors.newSingleThreadExecutor();
		try {
			java.util.concurrent.Executor wrapped = ContextExecutors.wrap(plain);
			TraceData trace = underRoot(() -> {
				CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> this.worker.call("plain"),
						wrapped);
				assertThat(result.get()).isEqualTo("called plain");
			});
			assertChildOfRoot(trace, "Worker.call");
			assertThat(plain.submit(CurrentContext::get).get()).isNull();
		}
		finally {
			plain.shutdownNow();
		}
	}

	@Test
	void workSubmittedWithoutATraceStartsItsOwn() throws Exception {
		this.applicationTaskExecutor.submit(() -> this.worker.call("alone")).get();
		assertThat(this.pipeline.flush(Duration.ofSeconds(5))).isTrue();
		List<TraceData> traces = this.memory.findAll(TraceQuery.all());
		assertThat(traces).singleElement().satisfies((trace) -> {
			assertThat(trace.name()).isEqualTo("Worker.call");
			assertThat(trace.roots()).hasSize(1);
		});
	}

	private static void assertWorkersAreClean(ThreadPoolTaskExecutor executor) throws Exception {
		for (int i = 0; i < 4; i++) {
			Future<Object> leaked = executor.submit(CurrentContext::get);
			assertThat(leaked.get()).isNull();
		}
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableAsync
	@Import({ Worker.class, AsyncWorker.class })
	static class Application {

		@Bean
		ThreadPoolTaskExecutor agentExecutor(ThreadPoolTaskExecutorBuilder builder) {
			return builder.threadNamePrefix("agent-").corePoolSize(2).build();
		}

	}

	static class Worker {

		@Traced(kind = SpanKind.TOOL)
		public String call(String what) {
			return "called " + what;
		}

	}

	static class AsyncWorker {

		@Async("applicationTaskExecutor")
		@Traced(kind = SpanKind.TOOL)
		public CompletableFuture<String> work(String what) {
			io.agenttracing.Tracing.currentSpan().setAttribute("thread", Thread.currentThread().getName());
			return CompletableFuture.completedFuture("async " + what);
		}

	}

}
