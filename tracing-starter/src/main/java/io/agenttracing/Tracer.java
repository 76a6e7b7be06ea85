package io.agenttracing;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Starts spans: the entry point of instrumentation (Spring AI, LangChain4j, a library of
 * your own). Obtain the application's tracer by injecting the {@code Tracer} bean, or
 * from {@link Tracing#tracer()}.
 * <p>
 * The outermost span started on a thread with no current trace opens a new trace and
 * finishes it when it ends; every span started while another is current becomes its
 * child. Code whose calls nest by a context of its own (listeners, callbacks, reactive
 * pipelines) starts a span under an explicit parent and makes it current only where work
 * runs on a thread: <pre>{@code
 * Span call = tracer.startSpan("search", SpanKind.MEMORY, parentSpan); // not current yet
 * try (SpanScope scope = tracer.makeCurrent(call)) {                   // current here
 *     ...
 * }
 * call.close();   // on any thread: ends it, OK unless an error was set
 * }</pre> No method throws: a span of another tracer, an ended span or {@code null}
 * degrade to {@link Span#noop()} or {@link SpanScope#NOOP}.
 */
public interface Tracer {

	/** A tracer that records nothing: every span it starts is {@link Span#noop()}. */
	static Tracer noop() {
		return NoopTracer.INSTANCE;
	}

	/** Whether this tracer records spans at all. */
	boolean isEnabled();

	/**
	 * Starts a span that is current on this thread until it is closed. With no current
	 * trace, the span opens a new one and finishes it when it ends.
	 */
	Span startSpan(String name, SpanKind kind);

	/**
	 * Starts a span under {@code parent} without making it current, for instrumentation
	 * whose calls nest by a context of their own (Micrometer observations, model
	 * listeners), not by thread, so a call that ends on another thread still lands in the
	 * right place. When this thread's current span runs inside {@code parent} (a traced
	 * method that the parent's work called), the span goes under that deeper one. With no
	 * parent, the span is a child of this thread's current span, or the root of a new
	 * trace that its end finishes. End it with {@link Span#end()} or
	 * {@link Span#close()}; make it current around work with {@link #makeCurrent}.
	 */
	Span startSpan(String name, SpanKind kind, @Nullable Span parent);

	/**
	 * Makes {@code span} current on this thread until the returned scope is closed, which
	 * makes current again what was before. Scopes close in reverse order of opening, on
	 * the thread that opened them.
	 */
	SpanScope makeCurrent(Span span);

	/** The span current on this thread, or {@link Span#noop()}. */
	Span currentSpan();

	/** The trace current on this thread, or {@code null}. */
	@Nullable TraceContext currentTrace();

	/**
	 * The trace {@code span} belongs to, or {@code null} for a span that records nothing.
	 */
	@Nullable TraceContext traceOf(Span span);

	/**
	 * Waits, at most {@code timeout}, until every trace finished so far has been handed
	 * to the exporters, so that a test reads a trace right after the call that made it.
	 * @return whether everything was handed over in time
	 */
	default boolean flush(Duration timeout) {
		return true;
	}

}
