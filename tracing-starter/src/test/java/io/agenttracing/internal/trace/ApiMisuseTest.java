package io.agenttracing.internal.trace;

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
		Span foreign = new ForeignSpan();
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

	/** A span of a tracer that is not this engine's. */
	private static final class ForeignSpan implements Span {

		@Override
		public String traceId() {
			return "4bf92f3577b34da6a3ce929d0e0e4736";
		}

		@Override
		public String spanId() {
			return "00f067aa0ba902b7";
		}

		@Override
		public @org.jspecify.annotations.Nullable String parentId() {
			return null;
		}

		@Override
		public String name() {
			return "foreign";
		}

		@Override
		public SpanKind kind() {
			return SpanKind.INTERNAL;
		}

		@Override
		public SpanStatus status() {
			return SpanStatus.UNSET;
		}

		@Override
		public @org.jspecify.annotations.Nullable String sessionId() {
			return null;
		}

		@Override
		public boolean isRecording() {
			return true;
		}

		@Override
		public Span setAttribute(String key, @org.jspecify.annotations.Nullable Object value) {
			return this;
		}

		@Override
		public Span addEvent(String name) {
			return this;
		}

		@Override
		public Span addEvent(io.agenttracing.SpanEvent event) {
			return this;
		}

		@Override
		public Span addSignal(String name, Object value) {
			return this;
		}

		@Override
		public Span setTag(String key, String value) {
			return this;
		}

		@Override
		public Span setInput(@org.jspecify.annotations.Nullable Object input) {
			return this;
		}

		@Override
		public Span setOutput(@org.jspecify.annotations.Nullable Object output) {
			return this;
		}

		@Override
		public Span setInputJson(@org.jspecify.annotations.Nullable String json) {
			return this;
		}

		@Override
		public Span setOutputJson(@org.jspecify.annotations.Nullable String json) {
			return this;
		}

		@Override
		public Span setError(Throwable error) {
			return this;
		}

		@Override
		public Span setError(String message) {
			return this;
		}

		@Override
		public Span setStatus(SpanStatus status) {
			return this;
		}

		@Override
		public Span setStatusIfUnset(SpanStatus status) {
			return this;
		}

		@Override
		public boolean isEnded() {
			return false;
		}

		@Override
		public Duration duration() {
			return Duration.ZERO;
		}

		@Override
		public void end() {
		}

		@Override
		public void close() {
		}

	}

}
