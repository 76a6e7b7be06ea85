package io.agenttracing.internal.context;

import io.agenttracing.internal.trace.RecordingTrace;

import io.agenttracing.internal.trace.CurrentContext;
import io.agenttracing.internal.trace.RemoteParent;
import io.agenttracing.internal.trace.Scope;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceContext;
import io.agenttracing.internal.trace.RecordingTracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class W3CTraceContextTest {

	private final RecordingTracer tracer = RecordingTracer.builder().build();

	@Test
	void extractsAValidTraceparentWithStateAndSession() {
		RemoteParent parent = W3CTraceContext.extract("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
				"congo=t61rcWkgMzE", "userId=alice, session.id=chat%2042;ttl=60");
		assertThat(parent).isNotNull();
		assertThat(parent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(parent.spanId()).isEqualTo("00f067aa0ba902b7");
		assertThat(parent.traceState()).isEqualTo("congo=t61rcWkgMzE");
		assertThat(parent.sessionId()).isEqualTo("chat 42");
	}

	@Test
	void acceptsFutureVersionsWithMoreFields() {
		assertThat(W3CTraceContext.extract("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", null, null))
			.isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "garbage", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
			"00-00000000000000000000000000000000-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
			"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
			"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-zz",
			"00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01" })
	void ignoresMalformedTraceparents(String header) {
		assertThat(W3CTraceContext.extract(header, null, null)).isNull();
	}

	@Test
	void writesTheCurrentSpanAsParentAndTheSessionAsBaggage() {
		RecordingTrace trace = this.tracer.continueTrace(
				new RemoteParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "congo=t61", "s 1"), null);
		Scope previous = CurrentContext.attach(trace);
		try {
			assertThat(W3CTraceContext.traceparent(trace))
				.isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
			try (Span span = this.tracer.startSpan("call", SpanKind.NETWORK)) {
				assertThat(W3CTraceContext.traceparent(CurrentContext.get()))
					.isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + span.spanId() + "-01");
			}
			assertThat(W3CTraceContext.baggage(trace)).isEqualTo("session.id=s%201");
			assertThat(W3CTraceContext.sessionFromBaggage(W3CTraceContext.baggage(trace))).isEqualTo("s 1");
		}
		finally {
			CurrentContext.restore(previous);
		}
	}

	@Test
	void traceresponseNamesTheSpanThatWillServeTheRequest() {
		RecordingTrace trace = this.tracer.openTrace(null);
		String response = W3CTraceContext.traceresponse(trace);
		Scope previous = CurrentContext.attach(trace);
		try (Span root = this.tracer.startSpan("handler", SpanKind.AGENT)) {
			assertThat(response).isEqualTo("00-" + trace.traceId() + "-" + root.spanId() + "-03");
			try (Span second = this.tracer.startSpan("child", SpanKind.TOOL)) {
				assertThat(second.spanId()).isNotEqualTo(root.spanId());
			}
		}
		finally {
			CurrentContext.restore(previous);
		}
	}

}
