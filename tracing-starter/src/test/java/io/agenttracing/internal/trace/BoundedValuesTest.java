package io.agenttracing.internal.trace;

import io.agenttracing.Tracing;

import io.agenttracing.SpanEvent;

import io.agenttracing.TraceData;

import io.agenttracing.SpanData;

import io.agenttracing.SpanStatus;

import io.agenttracing.SpanKind;

import io.agenttracing.Span;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.agenttracing.annotation.SessionId;
import io.agenttracing.annotation.SpanAttribute;
import io.agenttracing.annotation.Traced;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.testing.TracingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every value a user or a caller controls is bounded by a documented limit, and what was
 * cut is counted.
 */
class BoundedValuesTest {

	private static final String MEGABYTE = "m".repeat(1_000_000);

	private final TracingFixture fixture = new TracingFixture(8192, List.of());

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void hugeSessionIdsAttributesMessagesAndNamesAreCut() {
		Chat chat = this.fixture.proxy(new Chat());
		assertThatThrownBy(() -> chat.handle(MEGABYTE, MEGABYTE)).hasMessage(MEGABYTE);
		TraceData trace = this.fixture.traces().get(0);
		SpanData span = trace.spans().get(0);
		assertThat(trace.sessionId()).hasSizeLessThan(TracerBuilder.DEFAULT_MAX_NAME_LENGTH + 40);
		assertThat(span.sessionId()).isEqualTo(trace.sessionId());
		assertThat((String) span.attributes().get("chat.message"))
			.hasSizeLessThan(TracerBuilder.DEFAULT_MAX_VALUE_LENGTH + 40)
			.endsWith("chars]");
		assertThat(span.error().message()).hasSizeLessThan(TracerBuilder.DEFAULT_MAX_VALUE_LENGTH + 40);
		assertThat(span.events()).extracting(SpanEvent::name)
			.allSatisfy((name) -> assertThat(name).hasSizeLessThan(TracerBuilder.DEFAULT_MAX_NAME_LENGTH + 40));
		assertThat((int) span.attributes().get("agent.tracing.truncated_values")).isGreaterThanOrEqualTo(3);
		assertThat(trace.toJson().length()).isLessThan(100_000);
	}

	@Test
	void signalsAndTagsStopAtTheirLimitAndAreCounted() {
		try (Span span = this.fixture.tracer().startSpan("flood", SpanKind.INTERNAL)) {
			for (int i = 0; i < 100_000; i++) {
				span.addSignal("s" + i, i);
				span.setTag("t" + i, "v");
			}
		}
		SpanData span = this.fixture.traces().get(0).spans().get(0);
		assertThat(span.signals()).hasSize(TracerBuilder.DEFAULT_MAX_SIGNALS_PER_SPAN);
		assertThat(span.tags()).hasSize(TracerBuilder.DEFAULT_MAX_TAGS_PER_SPAN);
		assertThat(span.attributes()).containsEntry("agent.tracing.dropped_signals", 100_000 - 128)
			.containsEntry("agent.tracing.dropped_tags", 100_000 - 128);
	}

	@Test
	void theMemoryStoreKeepsMergedTracesWithinTheSpanLimit() {
		InMemoryTraceExporter memory = new InMemoryTraceExporter(10, 1000);
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		for (int i = 0; i < 1200; i++) {
			SpanData span = new SpanData(traceId, Ids.hex(i + 1L), null, "request", SpanKind.INTERNAL, SpanStatus.OK, i,
					i + 1, 0, 1, null, Map.of(), List.of(), null, null, null, Map.of(), List.of(),
					io.agenttracing.Span.Level.INFO, List.of());
			memory.export(TraceData.of(traceId, "request", i, null, new ArrayList<>(List.of(span)), false, 0));
		}
		TraceData merged = memory.findById(traceId).orElseThrow();
		assertThat(merged.spans()).hasSize(1000);
		assertThat(merged.droppedSpans()).isEqualTo(200);
	}

	public static class Chat {

		@Traced(kind = SpanKind.WORKFLOW)
		public String handle(@SessionId String session, @SpanAttribute("chat.message") String message) {
			Tracing.currentSpan().addEvent(SpanEvent.of(message, Instant.now()));
			throw new IllegalArgumentException(message);
		}

	}

}
