package io.agenttracing.internal.trace;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What reaches the engine through the public API by mistake never throws into user code:
 * it degrades to a span that records nothing, and changes nothing recorded.
 */
class ApiMisuseTest {

	private final List<PendingExport> exported = new ArrayList<>();

	private final Tracer tracer = RecordingTracer.builder().sink(this.exported::add).build();

	private final Tracer other = RecordingTracer.builder().build();

	@AfterEach
	void noContextLeaks() {
		assertThat(CurrentContext.get()).isNull();
	}

	@Test
	@SuppressWarnings("NullAway")
	void nullNamesKindsAndSpansDegradeToNoop() {
		assertThat(this.tracer.startSpan(null, SpanKind.TOOL).isRecording()).isFalse();
		assertThat(this.tracer.startSpan("tool", null).isRecording()).isFalse();
		assertThat(this.tracer.startSpan(null, SpanKind.TOOL, null).isRecording()).isFalse();
		assertThatNoException().isThrownBy(() -> this.tracer.makeCurrent(null).close());
		assertThat(this.tracer.traceOf(null)).isNull();
		assertThat(this.exported).isEmpty();
	}

	@Test
	void aParentOfAnotherKindOfTracerGivesANoopSpan() {
		Span foreign = foreignSpan();
		Span child = this.tracer.startSpan("child", SpanKind.TOOL, foreign);
		assertThat(child.isRecording()).isFalse();
		assertThatNoException().isThrownBy(child::close);
		assertThat(this.tracer.makeCurrent(foreign)).isSameAs(io.agenttracing.SpanScope.NOOP);
	}

	@Test
	void aClosedSpanIgnoresChangesAndASecondClose() {
		Span span = this.tracer.startSpan("call", SpanKind.TOOL);
		span.close();
		span.setAttribute("late", 1).setError("too late").setStatus(SpanStatus.ERROR);
		span.close();
		span.end();
		assertThat(this.exported).hasSize(1);
		assertThat(this.exported.get(0).snapshot().spans().get(0).attributes()).doesNotContainKey("late");
		assertThat(this.exported.get(0).snapshot().status()).isEqualTo(SpanStatus.OK);
	}

	@Test
	void aSpanOfAnotherEngineTracerIsAParentLikeAnyOther() {
		// Every tracer of the engine shares the thread's scope: a library's tracer and
		// the
		// application's nest their spans.
		Span parent = this.other.startSpan("library", SpanKind.INTERNAL, null);
		Span child = this.tracer.startSpan("application", SpanKind.TOOL, parent);
		assertThat(child.parentId()).isEqualTo(parent.spanId());
		child.end();
		parent.end();
		assertThat(this.tracer.flush(Duration.ofSeconds(1))).isTrue();
	}

	/**
	 * A span of a tracer that is not this engine's: recording, named, and doing nothing
	 * else.
	 */
	private static Span foreignSpan() {
		return (Span) Proxy.newProxyInstance(Span.class.getClassLoader(), new Class<?>[] { Span.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "isRecording" -> true;
					case "name", "toString" -> "foreign";
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> (method.getReturnType() == Span.class) ? proxy : null;
				});
	}

}
