package io.agenttracing;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** The span that records nothing. */
final class NoopSpan implements Span {

	static final NoopSpan INSTANCE = new NoopSpan();

	private static final String ZERO_TRACE_ID = "0".repeat(32);

	private static final String ZERO_SPAN_ID = "0".repeat(16);

	private NoopSpan() {
	}

	@Override
	public String traceId() {
		return ZERO_TRACE_ID;
	}

	@Override
	public String spanId() {
		return ZERO_SPAN_ID;
	}

	@Override
	public @Nullable String parentId() {
		return null;
	}

	@Override
	public String name() {
		return "";
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
	public @Nullable String sessionId() {
		return null;
	}

	@Override
	public boolean isRecording() {
		return false;
	}

	@Override
	public Span setAttribute(String key, @Nullable Object value) {
		return this;
	}

	@Override
	public Span addEvent(String name) {
		return this;
	}

	@Override
	public Span addEvent(SpanEvent event) {
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
	public Span setInput(@Nullable Object input) {
		return this;
	}

	@Override
	public Span setOutput(@Nullable Object output) {
		return this;
	}

	@Override
	public Span setInputJson(@Nullable String json) {
		return this;
	}

	@Override
	public Span setOutputJson(@Nullable String json) {
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

	@Override
	public String toString() {
		return "Span.noop()";
	}

	@Override
	public Span setLevel(Span.Level level) {
		return this;
	}

	@Override
	public Span.Level level() {
		return Span.Level.INFO;
	}

	@Override
	public Span addLink(String traceId, String spanId, java.util.Map<String, Object> attributes) {
		return this;
	}

	@Override
	public Span score(Score score) {
		return this;
	}

}
