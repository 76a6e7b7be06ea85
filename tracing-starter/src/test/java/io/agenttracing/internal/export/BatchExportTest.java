package io.agenttracing.internal.export;

import io.agenttracing.export.TraceExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.internal.trace.RecordingTracer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lanes hand batches to exporters that take them, bounded by spans, with requests in
 * flight bounded.
 */
class BatchExportTest {

	private static void trace(RecordingTracer tracer, String name, int spans) {
		try (Span root = tracer.startSpan(name, SpanKind.AGENT)) {
			for (int i = 1; i < spans; i++) {
				tracer.startSpan(name + "-" + i, SpanKind.TOOL).close();
			}
			root.setAttribute("n", name);
		}
	}

	private static int spans(List<TraceData> batch) {
		return batch.stream().mapToInt(TraceData::spanCount).sum();
	}

	@Test
	void batchesStayWithinTheSpanLimitAndALargeTraceGoesAloneWhole() {
		Batches exporter = new Batches();
		try (ExportPipeline pipeline = ExportPipeline.builder()
			.exporter(exporter)
			.maxBatchSpans(50)
			.scheduleDelay(Duration.ofSeconds(1))
			.build()) {
			RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).build();
			for (int i = 0; i < 30; i++) {
				trace(tracer, "t" + i, 10);
			}
			trace(tracer, "large", 80);
			assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
		}
		assertThat(exporter.batches.stream().mapToInt(List::size).sum()).isEqualTo(31);
		for (List<TraceData> batch : exporter.batches) {
			assertThat(spans(batch) <= 50 || batch.size() == 1).as("batch of %d spans", spans(batch)).isTrue();
		}
		assertThat(exporter.batches).anySatisfy((batch) -> assertThat(batch).singleElement()
			.satisfies((trace) -> assertThat(trace.spanCount()).isEqualTo(80)));
		// Thirty traces of ten spans fill batches of fifty: far fewer requests than
		// traces.
		assertThat(exporter.batches.size()).isLessThan(15);
	}

	@Test
	void aBatchGoesOutOnceTheScheduleDelayHasPassedWithoutBeingFull() {
		Batches exporter = new Batches();
		try (ExportPipeline pipeline = ExportPipeline.builder()
			.exporter(exporter)
			.scheduleDelay(Duration.ofMillis(50))
			.build()) {
			RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).build();
			trace(tracer, "a", 2);
			trace(tracer, "b", 2);
			trace(tracer, "c", 2);
			// No flush: the lane wakes on its own after the schedule delay and sends what
			// it holds.
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(exporter.batches.stream().mapToInt(List::size).sum()).isEqualTo(3));
		}
		assertThat(exporter.batches.size()).isLessThanOrEqualTo(3);
	}

	@Test
	void lateSpansArriveAsFragmentsInABatch() {
		Batches exporter = new Batches();
		try (ExportPipeline pipeline = ExportPipeline.builder().exporter(exporter).build()) {
			RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).build();
			Span late;
			try (Span root = tracer.startSpan("root", SpanKind.AGENT)) {
				late = tracer.startSpan("late", SpanKind.TOOL);
				tracer.leaveScope(late);
				root.setAttribute("n", 1);
			}
			late.end();
			assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
		}
		List<TraceData> all = exporter.batches.stream().flatMap(List::stream).toList();
		assertThat(all).hasSize(2);
		assertThat(all).filteredOn(TraceData::fragment)
			.singleElement()
			.satisfies((fragment) -> assertThat(fragment.spans().get(0).name()).isEqualTo("late"));
	}

	@Test
	void aFailedBatchCountsEachOfItsTracesAsFailed() {
		Counting listener = new Counting();
		TraceExporter failing = new TraceExporter() {

			@Override
			public void export(TraceData trace) {
				throw new AssertionError("the batch form is used");
			}

			@Override
			public CompletionStage<Void> export(List<TraceData> traces) {
				return CompletableFuture.failedFuture(new IllegalStateException("collector said 503"));
			}

		};
		try (ExportPipeline pipeline = ExportPipeline.builder()
			.exporter(failing)
			.listener(listener)
			.scheduleDelay(Duration.ofSeconds(1))
			.build()) {
			RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).build();
			for (int i = 0; i < 7; i++) {
				trace(tracer, "t" + i, 3);
			}
			assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
		}
		assertThat(listener.failed.get()).isEqualTo(7);
		assertThat(listener.exported.get()).isZero();
		assertThat(listener.failures).allSatisfy((error) -> assertThat(error).hasMessage("collector said 503"));
	}

	@Test
	void requestsInFlightStayWithinTheBoundAndMayCompleteInAnyOrder() {
		Counting listener = new Counting();
		Deferred exporter = new Deferred();
		try (ExportPipeline pipeline = ExportPipeline.builder()
			.exporter(exporter)
			.listener(listener)
			.maxBatchSpans(1)
			.maxConcurrentRequests(3)
			.scheduleDelay(Duration.ofMillis(10))
			.build()) {
			RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).build();
			for (int i = 0; i < 12; i++) {
				trace(tracer, "t" + i, 1);
			}
			for (int round = 0; round < 4; round++) {
				await().untilAsserted(() -> assertThat(exporter.open).hasSize(3));
				assertThat(exporter.maxOpen.get()).isEqualTo(3);
				// Answer the newest request first: the pipeline assumes no order.
				List<CompletableFuture<Void>> open = new ArrayList<>(exporter.open);
				Collections.reverse(open);
				exporter.open.clear();
				open.forEach((request) -> request.complete(null));
			}
			assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
		}
		assertThat(exporter.maxOpen.get()).isEqualTo(3);
		assertThat(listener.exported.get()).isEqualTo(12);
	}

	/** Records every batch it is given. */
	static final class Batches implements TraceExporter {

		final List<List<TraceData>> batches = new CopyOnWriteArrayList<>();

		@Override
		public void export(TraceData trace) {
			throw new AssertionError("the batch form is used");
		}

		@Override
		public CompletionStage<Void> export(List<TraceData> traces) {
			this.batches.add(List.copyOf(traces));
			return CompletableFuture.completedFuture(null);
		}

	}

	/** Holds every request open until the test answers it. */
	static final class Deferred implements TraceExporter {

		final List<CompletableFuture<Void>> open = new CopyOnWriteArrayList<>();

		final AtomicInteger maxOpen = new AtomicInteger();

		@Override
		public void export(TraceData trace) {
			throw new AssertionError("the batch form is used");
		}

		@Override
		public synchronized CompletionStage<Void> export(List<TraceData> traces) {
			CompletableFuture<Void> request = new CompletableFuture<>();
			this.open.add(request);
			this.maxOpen.accumulateAndGet(this.open.size(), Math::max);
			return request;
		}

	}

	static final class Counting implements ExportListener {

		final AtomicInteger exported = new AtomicInteger();

		final AtomicInteger failed = new AtomicInteger();

		final List<Throwable> failures = new CopyOnWriteArrayList<>();

		@Override
		public void onExported(String exporter, TraceData trace) {
			this.exported.incrementAndGet();
		}

		@Override
		public void onFailed(String exporter, TraceData trace, Throwable error) {
			this.failed.incrementAndGet();
			this.failures.add(error);
		}

	}

}
