package io.agenttracing.internal.trace;

import io.agenttracing.TraceData;

import io.agenttracing.SpanData;

import io.agenttracing.SpanKind;

import io.agenttracing.Span;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agenttracing.internal.export.console.ConsoleTraceExporter;
import io.agenttracing.internal.semconv.AgentSemantics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace whose root never ends is exported as incomplete at the longest duration, on a
 * clock of the test's.
 */
class OpenTraceExpiryTest {

	private final List<TraceData> exported = new CopyOnWriteArrayList<>();

	private final RecordingTracer tracer = RecordingTracer.builder()
		.sink((export) -> this.exported.add(export.snapshot()))
		.maxTraceDuration(Duration.ofMinutes(10))
		.build();

	@Test
	void aRootThatNeverEndsIsExportedIncompleteWithTheSpansItHas() {
		long start = System.nanoTime();
		CompletableFuture<String> never = new CompletableFuture<>();
		Span root = this.tracer.startSpan("agent.run", SpanKind.AGENT);
		this.tracer.startSpan("memory.load", SpanKind.MEMORY).close();
		Span stuck = this.tracer.startSpan("llm.call", SpanKind.LLM);
		this.tracer.leaveScope(stuck);
		this.tracer.leaveScope(root);
		never.thenRun(root::end);
		assertThat(this.tracer.openTraceCount()).isEqualTo(1);

		assertThat(this.tracer.expireOpenTraces(start + Duration.ofMinutes(9).toNanos())).isZero();
		assertThat(this.exported).isEmpty();
		assertThat(this.tracer.expireOpenTraces(start + Duration.ofMinutes(11).toNanos())).isEqualTo(1);

		assertThat(this.tracer.openTraceCount()).isZero();
		assertThat(this.exported).singleElement().satisfies((trace) -> {
			assertThat(trace.incomplete()).isTrue();
			assertThat(trace.spans()).extracting(SpanData::name).containsExactly("memory.load");
			assertThat(trace.toJson()).contains("\"incomplete\":true");
			assertThat(ConsoleTraceExporter.Format.TREE).isNotNull();
			assertThat(AgentSemantics.attributes(trace.spans().get(0), null, trace.incomplete(),
					io.agenttracing.internal.semconv.Families.DEFAULT))
				.containsEntry(AgentSemantics.INCOMPLETE, true);
		});
		// Spans that end later go out as fragments of the same trace.
		stuck.end();
		root.end();
		assertThat(this.exported).hasSize(3);
		assertThat(this.exported.subList(1, 3)).allSatisfy((fragment) -> {
			assertThat(fragment.fragment()).isTrue();
			assertThat(fragment.traceId()).isEqualTo(this.exported.get(0).traceId());
		});
	}

	@Test
	void aRootOnAThreadThatIsStuckIsExportedIncomplete() throws Exception {
		long start = System.nanoTime();
		java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		Thread stuck = new Thread(() -> {
			try (Span root = this.tracer.startSpan("stuck.call", SpanKind.TOOL)) {
				root.setAttribute("stuck", true);
				this.tracer.startSpan("before.hang", SpanKind.INTERNAL).close();
				started.countDown();
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		stuck.start();
		started.await();
		assertThat(this.tracer.openTraceCount()).isEqualTo(1);
		assertThat(this.tracer.expireOpenTraces(start + Duration.ofMinutes(11).toNanos())).isEqualTo(1);
		assertThat(this.exported).singleElement().satisfies((trace) -> {
			assertThat(trace.incomplete()).isTrue();
			assertThat(trace.spans()).extracting(SpanData::name).containsExactly("before.hang");
		});
		release.countDown();
		stuck.join();
		assertThat(this.exported).hasSize(2);
		assertThat(this.exported.get(1).fragment()).isTrue();
		assertThat(this.tracer.openTraceCount()).isZero();
	}

	@Test
	void finishedTracesAreForgottenAndNeverExpire() {
		long start = System.nanoTime();
		for (int i = 0; i < 100; i++) {
			this.tracer.startSpan("quick", SpanKind.INTERNAL).close();
		}
		assertThat(this.tracer.openTraceCount()).isZero();
		assertThat(this.tracer.expireOpenTraces(start + Duration.ofHours(1).toNanos())).isZero();
		assertThat(this.exported).hasSize(100).noneMatch(TraceData::incomplete);
	}

}
