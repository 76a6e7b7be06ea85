package io.agenttracing;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Static access to the application's {@link Tracer} and to the current span and trace,
 * for code inside a traced method: <pre>{@code
 * Tracing.currentSpan().setModel("gpt-4o").setTokenUsage(812, 96).addSignal("cost", 0.0042);
 * }</pre> Every method is safe to call with no trace: it then does nothing, or returns
 * {@link Span#noop()} or {@code null}.
 */
public final class Tracing {

	private static volatile Tracer tracer = Tracer.noop();

	private Tracing() {
	}

	/**
	 * The application's tracer, once it has started; {@link Tracer#noop()} before.
	 */
	public static Tracer tracer() {
		return tracer;
	}

	/**
	 * Makes {@code newTracer} the one this class uses. Called by the auto-configuration.
	 */
	public static void install(Tracer newTracer) {
		tracer = Objects.requireNonNull(newTracer, "tracer");
	}

	/**
	 * Reverts to a tracer that records nothing, if {@code installed} is still the current
	 * one.
	 */
	public static synchronized void uninstall(Tracer installed) {
		if (tracer == installed) {
			tracer = Tracer.noop();
		}
	}

	/** The span current on this thread, or {@link Span#noop()}. */
	public static Span currentSpan() {
		return tracer.currentSpan();
	}

	/** The trace current on this thread, or {@code null}. */
	public static @Nullable TraceContext currentTrace() {
		return tracer.currentTrace();
	}

	/** The id of the trace current on this thread, or {@code null}. */
	public static @Nullable String currentTraceId() {
		TraceContext trace = currentTrace();
		return (trace != null) ? trace.traceId() : null;
	}

	/**
	 * Sets the session of the current trace; it appears on every span of the trace. An id
	 * longer than the name limit (256 characters by default) is cut.
	 */
	public static void setSessionId(@Nullable String sessionId) {
		TraceContext trace = currentTrace();
		if (trace != null) {
			trace.setSessionId(sessionId);
		}
	}

	/**
	 * Sets a W3C baggage entry of the current trace (a user id, a tenant): it travels
	 * with every call the trace makes to other services, and the services continue it.
	 * Does nothing without a trace.
	 */
	public static void setBaggage(String key, @Nullable String value) {
		TraceContext trace = currentTrace();
		if (trace != null) {
			trace.setBaggage(key, value);
		}
	}

	/**
	 * Sets the user the current trace serves: exported as {@code user.id}, shown and
	 * filterable in the viewer, and passed to called services in W3C baggage.
	 */
	public static void setUserId(@Nullable String userId) {
		TraceContext trace = currentTrace();
		if (trace != null) {
			trace.setUserId(userId);
		}
	}

	/**
	 * Sets a readable name of the current trace's session (exported as
	 * {@code session.name}), passed on like the session.
	 */
	public static void setSessionName(@Nullable String sessionName) {
		TraceContext trace = currentTrace();
		if (trace != null) {
			trace.setSessionName(sessionName);
		}
	}

	/** Adds labels to the whole current trace (exported as {@code tag.tags}). */
	public static void addTags(String... tags) {
		TraceContext trace = currentTrace();
		if (trace != null) {
			trace.addTags(tags);
		}
	}

	/**
	 * Starts a span, current on this thread until closed; see {@link Tracer#startSpan}.
	 */
	public static Span startSpan(String name, SpanKind kind) {
		return tracer.startSpan(name, kind);
	}

}
