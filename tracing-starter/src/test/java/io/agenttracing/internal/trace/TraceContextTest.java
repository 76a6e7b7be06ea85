package io.agenttracing.internal.trace;

import org.junit.jupiter.api.BeforeEach;

import io.agenttracing.TraceContext;

import io.agenttracing.Tracing;

import io.agenttracing.Signal;

import io.agenttracing.SpanEvent;

import io.agenttracing.TraceData;

import io.agenttracing.SpanData;

import io.agenttracing.SpanStatus;

import io.agenttracing.SpanKind;

import io.agenttracing.Span;

import io.agenttracing.internal.trace.CurrentContext;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {

	private final List<PendingExport> exported = new ArrayList<>();

	private final RecordingTracer tracer = RecordingTracer.builder().sink(this.exported::add).build();

	@BeforeEach
	void install() {
		Tracing.install(this.tracer);
	}

	@AfterEach
	void noContextLeaks() {
		Tracing.uninstall(this.tracer);
		assertThat(CurrentContext.get()).isNull();
	}

	@Test
	void closingASpanOnAnotherThreadLeavesThatThreadsScopeAlone() throws Exception {
		Span span = this.tracer.startSpan("request", SpanKind.AGENT);
		Scope[] seenOnOtherThread = new Scope[2];
		Thread other = new Thread(() -> {
			seenOnOtherThread[0] = CurrentContext.get();
			span.close();
			seenOnOtherThread[1] = CurrentContext.get();
		});
		other.start();
		other.join();
		assertThat(seenOnOtherThread).containsExactly(null, null);
		assertThat(span.isEnded()).isTrue();
		assertThat(this.exported).hasSize(1);
		// The thread that made it current still holds it until it restores its own scope.
		assertThat(CurrentContext.get()).isSameAs(span);
		CurrentContext.restore(null);
	}

	@Test
	void startSpanNestsUnderCurrentSpanAndEndSpanRestoresParent() {
		RecordingTrace trace = this.tracer.openTrace("request");
		Scope previous = CurrentContext.attach(trace);
		try {
			String root = trace.startSpan("workflow", SpanKind.WORKFLOW);
			assertThat(trace.currentSpanId()).isEqualTo(root);
			String child = trace.startSpan("llm", SpanKind.LLM);
			trace.setAttribute("gen_ai.request.model", "sim-1");
			trace.addEvent("first-token");
			assertThat(trace.getSpan(child).parentId()).isEqualTo(root);
			trace.endSpan(child);
			assertThat(trace.currentSpanId()).isEqualTo(root);
			trace.endSpan(root);
			assertThat(trace.currentSpanId()).isNull();
			assertThat(trace.spanCount()).isEqualTo(2);
			assertThat(trace.spans()).allMatch(Span::isEnded);
			assertThat(trace.elapsed()).isPositive();
		}
		finally {
			CurrentContext.restore(previous);
		}
		trace.finish();
		assertThat(this.exported).hasSize(1);
		TraceData data = this.exported.get(0).snapshot();
		assertThat(data.name()).isEqualTo("request");
		SpanData llm = data.span("llm");
		assertThat(llm.attributes()).containsEntry("gen_ai.request.model", "sim-1");
		assertThat(llm.events()).extracting(SpanEvent::name).containsExactly("first-token");
	}

	@Test
	void idsAreW3cCompatible() {
		try (Span span = this.tracer.startSpan("root", SpanKind.AGENT)) {
			assertThat(span.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
			assertThat(span.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
			assertThat(span.parentId()).isNull();
		}
	}

	@Test
	void outermostSpanOpensAndFinishesTheTrace() {
		String traceId;
		try (Span root = this.tracer.startSpan("agent", SpanKind.AGENT)) {
			traceId = root.traceId();
			try (Span tool = this.tracer.startSpan("tool", SpanKind.TOOL)) {
				assertThat(tool.traceId()).isEqualTo(traceId);
				assertThat(tool.parentId()).isEqualTo(root.spanId());
				assertThat(Tracing.currentSpan()).isSameAs(tool);
			}
			assertThat(Tracing.currentSpan()).isSameAs(root);
			assertThat(this.exported).isEmpty();
		}
		assertThat(this.exported).hasSize(1);
		TraceData trace = this.exported.get(0).snapshot();
		assertThat(trace.traceId()).isEqualTo(traceId);
		assertThat(trace.spans()).extracting(SpanData::name).containsExactly("agent", "tool");
		assertThat(trace.kind()).isEqualTo(SpanKind.AGENT);
		assertThat(trace.status()).isEqualTo(SpanStatus.OK);
	}

	@Test
	void spanEndingAfterItsTraceWasPublishedIsExportedAsFragment() {
		Span late;
		try (Span root = this.tracer.startSpan("root", SpanKind.WORKFLOW)) {
			late = this.tracer.startSpan("background", SpanKind.TOOL);
			this.tracer.leaveScope(late);
		}
		assertThat(this.exported).hasSize(1);
		assertThat(this.exported.get(0).snapshot().spans()).extracting(SpanData::name).containsExactly("root");
		late.end();
		assertThat(this.exported).hasSize(2);
		TraceData fragment = this.exported.get(1).snapshot();
		assertThat(fragment.fragment()).isTrue();
		assertThat(fragment.traceId()).isEqualTo(this.exported.get(0).traceId());
		assertThat(fragment.spans()).extracting(SpanData::name).containsExactly("background");
	}

	@Test
	void endedSpanIgnoresChangesAndEndsOnce() {
		Span span = this.tracer.startSpan("root", SpanKind.INTERNAL);
		span.setAttribute("before", 1);
		span.close();
		span.setAttribute("after", 2).addEvent("ignored").setStatus(SpanStatus.ERROR);
		span.end();
		assertThat(this.exported).hasSize(1);
		SpanData data = this.exported.get(0).snapshot().spans().get(0);
		assertThat(data.attributes()).containsOnlyKeys("before");
		assertThat(data.events()).isEmpty();
		// Closed normally, like a traced method that returned: OK.
		assertThat(data.status()).isEqualTo(SpanStatus.OK);
		assertThat(span.isEnded()).isTrue();
		assertThat(span.duration()).isEqualTo(span.duration());
	}

	@Test
	void errorIsRecordedWithUnwrappedTypeBoundedStackAndEvent() {
		try (Span span = this.tracer.startSpan("tool", SpanKind.TOOL)) {
			span.setError(new java.util.concurrent.CompletionException(new IllegalStateException("no weather")));
		}
		SpanData data = this.exported.get(0).snapshot().spans().get(0);
		assertThat(data.status()).isEqualTo(SpanStatus.ERROR);
		assertThat(data.error().type()).isEqualTo("java.lang.IllegalStateException");
		assertThat(data.error().message()).isEqualTo("no weather");
		assertThat(data.error().stackTrace()).startsWith("java.lang.IllegalStateException: no weather")
			.contains("\tat ");
		assertThat(data.error().stackTrace().lines().filter((l) -> l.startsWith("\tat "))).hasSizeLessThanOrEqualTo(32);
		assertThat(data.events()).singleElement().satisfies((event) -> {
			assertThat(event.name()).isEqualTo("exception");
			assertThat(event.attributes()).containsEntry("exception.type", "java.lang.IllegalStateException")
				.containsEntry("exception.message", "no weather");
		});
	}

	@Test
	void signalsDetectTheirType() {
		try (Span span = this.tracer.startSpan("eval", SpanKind.INTERNAL)) {
			span.addSignal("cost", 0.0042).addSignal("tokens", 812).addSignal("correct", true).addSignal("score", "7");
			span.addSignal("not-a-number", "seven");
		}
		List<Signal> signals = this.exported.get(0).snapshot().spans().get(0).signals();
		assertThat(signals).extracting(Signal::name, Signal::type)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("cost", Signal.Type.FLOAT),
					org.assertj.core.groups.Tuple.tuple("tokens", Signal.Type.INTEGER),
					org.assertj.core.groups.Tuple.tuple("correct", Signal.Type.BOOLEAN),
					org.assertj.core.groups.Tuple.tuple("score", Signal.Type.INTEGER));
	}

	@Test
	void sessionIdSetLaterAppearsOnEverySpan() {
		try (Span root = this.tracer.startSpan("chat", SpanKind.WORKFLOW)) {
			try (Span memory = this.tracer.startSpan("load", SpanKind.MEMORY)) {
				memory.setModel("ignored-but-harmless");
			}
			Tracing.setSessionId("session-7");
			root.setTag("env", "test");
		}
		TraceData trace = this.exported.get(0).snapshot();
		assertThat(trace.sessionId()).isEqualTo("session-7");
		assertThat(trace.spans()).extracting(SpanData::sessionId).containsOnly("session-7");
		assertThat(trace.span("chat").tags()).containsEntry("env", "test");
	}

	@Test
	void traceStopsRecordingAtItsSpanLimitAndCountsTheRest() {
		RecordingTracer limited = RecordingTracer.builder().sink(this.exported::add).maxSpansPerTrace(3).build();
		try (Span root = limited.startSpan("root", SpanKind.AGENT)) {
			for (int i = 0; i < 5; i++) {
				try (Span child = limited.startSpan("tool-" + i, SpanKind.TOOL)) {
					child.setAttribute("i", i);
				}
			}
		}
		TraceData trace = this.exported.get(0).snapshot();
		assertThat(trace.spanCount()).isEqualTo(3);
		assertThat(trace.droppedSpans()).isEqualTo(3);
	}

	@Test
	void unsampledTraceIsNotExported() {
		RecordingTracer never = RecordingTracer.builder().sink(this.exported::add).samplingProbability(0).build();
		try (Span root = never.startSpan("root", SpanKind.AGENT)) {
			assertThat(root.isRecording()).isTrue();
		}
		assertThat(this.exported).isEmpty();
	}

	@Test
	void toJsonHasTheEndpointShape() {
		RecordingTrace trace = this.tracer.openTrace("json");
		Scope previous = CurrentContext.attach(trace);
		try {
			trace.startSpan("root", SpanKind.AGENT);
			Tracing.currentSpan().setInput(java.util.Map.of("q", "hi")).setOutputJson("\"hello\"");
			trace.endSpan(trace.currentSpanId());
		}
		finally {
			CurrentContext.restore(previous);
		}
		String json = trace.toJson();
		assertThat(json).startsWith("{\"traceId\":\"" + trace.traceId() + "\",\"name\":\"json\"")
			.contains("\"spans\":[{\"spanId\":")
			.contains("\"input\":null")
			.contains("\"output\":\"hello\"");
	}

	@Test
	void continueTraceAdoptsRemoteIdsAndIgnoresMalformedOnes() {
		RecordingTrace remote = this.tracer.continueTrace("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", null);
		assertThat(remote.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		Scope previous = CurrentContext.attach(remote);
		try (Span span = this.tracer.startSpan("handler", SpanKind.AGENT)) {
			assertThat(span.parentId()).isEqualTo("00f067aa0ba902b7");
		}
		finally {
			CurrentContext.restore(previous);
		}
		RecordingTrace fresh = this.tracer.continueTrace("not-a-trace-id", "00f067aa0ba902b7", null);
		assertThat(fresh.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(fresh.remoteParentId()).isNull();
	}

}
