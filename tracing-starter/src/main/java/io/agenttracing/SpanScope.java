package io.agenttracing;

/**
 * A span made current on one thread by {@link Tracer#makeCurrent}; closing it makes
 * current again what was current before.
 */
@FunctionalInterface
public interface SpanScope extends AutoCloseable {

	/** A scope that changed nothing. */
	SpanScope NOOP = () -> {
	};

	@Override
	void close();

}
