package io.agenttracing.internal.export;

import io.agenttracing.export.TraceExporter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.internal.trace.RecordingTracer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExportPipelineTest {

	private static void trace(RecordingTracer tracer, String name) {
		try (Span span = tracer.startSpan(name, SpanKind.AGENT)) {
			span.setAttribute("n", name);
		}
	}

	@Test
	void everyExporterReceivesEveryTraceOffTheCallingThread() {
		Recording first = new Recording();
		Recording second = new Recording();
		try (ExportPipeline pipeline = ExportPipeline.builder().exporter(first).exporter(second).build()) {
			RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).build();
			for (int i = 0; i < 5; i++) {
				trace(tracer, "t" + i);
			}
			assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
		}
		assertThat(first.names()).containsExactly("t0", "t1", "t2", "t3", "t4");
		assertThat(second.names()).containsExactly("t0", "t1", "t2", "t3", "t4");
		assertThat(first.threads).doesNotContain(Thread.currentThread().getName());
	}

	@Test
	void throwingExporterHarmsNoOtherAndFailuresAreReported() {
		Recording healthy = new Recording();
		AtomicInteger failures = new AtomicInteger();
		TraceExporter throwing = (trace) -> {
			throw new IllegalStateException("collector down");
		};
		ExportListener listener = new ExportListener() {
			@Override
			public void onFailed(String exporter, TraceData trace, Throwable error) {
				failures.incrementAndGet();
			}
		};
		try (ExportPipeline pipeline = ExportPipeline.builder()
			.exporter(throwing)
			.exporter(healthy)
			.listener(listener)
			.build()) {
			RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).build();
			for (int i = 0; i < 10; i++) {
				trace(tracer, "t" + i);
			}
			assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
		}
		assertThat(healthy.names()).hasSize(10);
		assertThat(failures).hasValue(10);
	}

	@Test
	void hangingExporterNeverBlocksTheTracedThreadNorOtherExporters() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Recording healthy = new Recording();
		TraceExporter hanging = new TraceExporter() {
			@Override
			public void export(TraceData trace) {
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

			@Override
			public String name() {
				return "hanging";
			}
		};
		Dropped dropped = new Dropped();
		ExportPipeline pipeline = ExportPipeline.builder()
			.exporter(hanging)
			.exporter(healthy)
			.queueCapacity(8)
			.scheduleDelay(Duration.ofMillis(5))
			.shutdownTimeout(Duration.ofMillis(200))
			.listener(dropped)
			.build();
		try {
			RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).build();
			long start = System.nanoTime();
			for (int i = 0; i < 50; i++) {
				trace(tracer, "t" + i);
				await().until(() -> pipeline.queueSize("Recording") == 0);
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			await().untilAsserted(() -> assertThat(healthy.names()).hasSize(50));
			assertThat(dropped.byExporter("hanging")).isGreaterThan(0);
			assertThat(dropped.byExporter("Recording")).isZero();
		}
		finally {
			pipeline.close();
			release.countDown();
		}
	}

	@Test
	void fullQueueDropsAndCountsInsteadOfBlocking() {
		CountDownLatch release = new CountDownLatch(1);
		TraceExporter slow = new TraceExporter() {
			@Override
			public void export(TraceData trace) {
				try {
					release.await(5, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

			@Override
			public String name() {
				return "slow";
			}
		};
		Dropped dropped = new Dropped();
		// The exporter blocks on its first trace, so its queue fills.
		ExportPipeline pipeline = ExportPipeline.builder()
			.exporter(slow)
			.queueCapacity(4)
			.scheduleDelay(Duration.ofMinutes(1))
			.shutdownTimeout(Duration.ofMillis(100))
			.listener(dropped)
			.build();
		try {
			RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).build();
			trace(tracer, "first");
			await().until(() -> pipeline.queueSize("slow") == 0);
			for (int i = 0; i < 100; i++) {
				trace(tracer, "t" + i);
			}
			assertThat(pipeline.droppedCount()).isEqualTo(96);
			assertThat(dropped.byExporter("slow")).isEqualTo(pipeline.droppedCount());
			assertThat(pipeline.queueSize()).isEqualTo(4);
		}
		finally {
			release.countDown();
			pipeline.close();
		}
	}

	@Test
	void closeExportsWhatIsQueuedThenFlushesAndShutsExportersDown() {
		Recording recording = new Recording();
		ExportPipeline pipeline = ExportPipeline.builder()
			.exporter(recording)
			.scheduleDelay(Duration.ofMinutes(1))
			.build();
		RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).build();
		for (int i = 0; i < 20; i++) {
			trace(tracer, "t" + i);
		}
		pipeline.close();
		assertThat(recording.names()).hasSize(20);
		assertThat(recording.flushed).isTrue();
		assertThat(recording.shutDown).isTrue();
		trace(tracer, "after-close");
		assertThat(pipeline.droppedCount()).isEqualTo(1);
	}

	static final class Recording implements TraceExporter {

		final List<TraceData> traces = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

		volatile boolean flushed;

		volatile boolean shutDown;

		@Override
		public void export(TraceData trace) {
			this.traces.add(trace);
			this.threads.add(Thread.currentThread().getName());
		}

		@Override
		public void flush() {
			this.flushed = true;
		}

		@Override
		public void shutdown() {
			this.shutDown = true;
		}

		List<String> names() {
			return this.traces.stream().map(TraceData::name).toList();
		}

	}

	static final class Dropped implements ExportListener {

		private final List<String> exporters = new CopyOnWriteArrayList<>();

		@Override
		public void onDropped(String exporter) {
			this.exporters.add(exporter);
		}

		long byExporter(String name) {
			return this.exporters.stream().filter(name::equals).count();
		}

	}

}
