package io.agenttracing.internal.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sampling that keeps what matters: ordinary traces by probability, every failed or slow
 * one whatever it says, decided when the trace finishes, the reason on the root span.
 */
class TailSamplingTest {

	private final List<PendingExport> exported = new ArrayList<>();

	private RecordingTracer tracer(double probability, boolean keepErrors, Duration keepSlowerThan) {
		return RecordingTracer.builder()
			.sink(this.exported::add)
			.samplingProbability(probability)
			.keepTraces(keepErrors, keepSlowerThan)
			.build();
	}

	private void run(RecordingTracer tracer, boolean fail) {
		try (Span root = tracer.startSpan("Agent.run", SpanKind.AGENT)) {
			try (Span tool = tracer.startSpan("weather", SpanKind.TOOL)) {
				if (fail) {
					tool.setError("no station");
				}
			}
		}
	}

	@Test
	void aFailedTraceIsKeptWhateverTheProbabilityAndSaysWhy() {
		RecordingTracer tracer = tracer(0.0, true, null);
		run(tracer, false);
		run(tracer, true);

		assertThat(this.exported).hasSize(1);
		TraceData kept = this.exported.get(0).snapshot();
		assertThat(kept.errorCount()).isEqualTo(1);
		assertThat(kept.spans().get(0).attributes()).containsEntry("agent.tracing.sampling.reason", "error")
			.containsEntry("sampling.priority", 1L);
	}

	@Test
	void aSlowTraceIsKeptAndAFastOneIsNot() {
		run(tracer(0.0, false, Duration.ofNanos(1)), false);
		assertThat(this.exported).hasSize(1);
		assertThat(this.exported.get(0).snapshot().spans().get(0).attributes())
			.containsEntry("agent.tracing.sampling.reason", "slow");

		this.exported.clear();
		run(tracer(0.0, false, Duration.ofHours(1)), false);
		assertThat(this.exported).isEmpty();
	}

	@Test
	void tracesTheProbabilityChoosesCarryNoReason() {
		RecordingTracer tracer = tracer(1.0, true, null);
		run(tracer, false);
		run(tracer, true);

		assertThat(this.exported).hasSize(2)
			.allSatisfy((export) -> assertThat(export.snapshot().spans().get(0).attributes())
				.doesNotContainKey("agent.tracing.sampling.reason"));
	}

	@Test
	void theLateSpansOfATraceNotKeptAreDroppedToo() {
		RecordingTracer tracer = tracer(0.0, true, null);
		Span late;
		try (Span root = tracer.startSpan("Agent.run", SpanKind.AGENT)) {
			late = tracer.startSpan("background", SpanKind.INTERNAL, root);
		}
		late.end();
		assertThat(this.exported).isEmpty();
	}

}
