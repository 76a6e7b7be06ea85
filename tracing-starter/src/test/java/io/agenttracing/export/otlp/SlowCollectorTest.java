package io.agenttracing.export.otlp;

import java.time.Duration;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.internal.export.ExportPipeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A collector far away (every answer 100 ms late): the OTLP exporter sends several traces
 * per request and several requests at once, so every span arrives and nothing is dropped.
 */
class SlowCollectorTest {

	@Test
	void batchesAndConcurrentRequestsCarryEverySpanPastASlowCollector() {
		try (FakeOtlpCollector collector = new FakeOtlpCollector()) {
			collector.latency(Duration.ofMillis(100));
			OtlpTraceExporter exporter = OtlpTraceExporter.builder()
				.endpoint(collector.endpoint())
				.serviceName("slow-test")
				.build();
			int traces = 400;
			try (ExportPipeline pipeline = ExportPipeline.builder()
				.exporter(exporter)
				.queueCapacity(2048)
				.maxBatchSpans(90)
				.scheduleDelay(Duration.ofMillis(20))
				.build()) {
				RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).build();
				for (int i = 0; i < traces; i++) {
					try (Span chat = tracer.startSpan("chat", SpanKind.WORKFLOW)) {
						for (int s = 0; s < 8; s++) {
							tracer.startSpan("step", SpanKind.TOOL).close();
						}
						chat.setAttribute("i", i);
					}
				}
				// One trace a request would take 400 x 100 ms = 40 s; batches in flight
				// take a fraction.
				await().atMost(Duration.ofSeconds(20)).until(() -> collector.spans().size() == traces * 9);
				assertThat(pipeline.droppedCount()).isZero();
			}
			assertThat(collector.requests().size()).isLessThanOrEqualTo(traces / 5);
			// Counted by the collector from request to its handler's return: a handler
			// may still be finishing when its answer has already freed the client to send
			// the next request.
			assertThat(collector.maxInFlight()).isBetween(2, ExportPipeline.DEFAULT_MAX_CONCURRENT_REQUESTS + 1);
		}
	}

}
