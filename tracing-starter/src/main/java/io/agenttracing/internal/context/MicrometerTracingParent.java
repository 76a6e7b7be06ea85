package io.agenttracing.internal.context;

import java.util.function.Supplier;

import io.agenttracing.internal.trace.RemoteParent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * The current span of Micrometer Tracing (Boot's own tracing, on the Brave or
 * OpenTelemetry bridge) as the parent of new traces, so that our traces join the
 * Micrometer trace instead of starting a separate one.
 */
public final class MicrometerTracingParent implements Supplier<@Nullable RemoteParent> {

	/**
	 * Set once the application's beans exist; looking it up per trace would cost
	 * microseconds.
	 */
	private volatile @Nullable Tracer tracer;

	/**
	 * Starts using {@code tracer}; {@code null} when the application has no Micrometer
	 * tracer.
	 */
	public void bind(@Nullable Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public @Nullable RemoteParent get() {
		Tracer micrometer = this.tracer;
		Span span = (micrometer != null) ? micrometer.currentSpan() : null;
		// An unsampled Micrometer span still carries its ids, and our trace still joins
		// it: our own sampling decides whether we record.
		if (span == null) {
			return null;
		}
		TraceContext context = span.context();
		// Micrometer's no-op tracer answers with empty ids: that is no parent.
		RemoteParent parent = new RemoteParent(context.traceId(), context.spanId(), null, null);
		return parent.isValid() ? parent : null;
	}

}
