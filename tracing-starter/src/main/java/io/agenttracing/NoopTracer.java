package io.agenttracing;

import org.jspecify.annotations.Nullable;

/** The tracer that records nothing, in place until the application installs its own. */
final class NoopTracer implements Tracer {

	static final NoopTracer INSTANCE = new NoopTracer();

	private NoopTracer() {
	}

	@Override
	public boolean isEnabled() {
		return false;
	}

	@Override
	public Span startSpan(String name, SpanKind kind) {
		return Span.noop();
	}

	@Override
	public Span startSpan(String name, SpanKind kind, @Nullable Span parent) {
		return Span.noop();
	}

	@Override
	public SpanScope makeCurrent(Span span) {
		return SpanScope.NOOP;
	}

	@Override
	public Span currentSpan() {
		return Span.noop();
	}

	@Override
	public @Nullable TraceContext currentTrace() {
		return null;
	}

	@Override
	public @Nullable TraceContext traceOf(Span span) {
		return null;
	}

}
