package io.agenttracing.internal.trace;

import java.time.Duration;

/**
 * Receives finished traces. Implementations must never block or throw: they are called on
 * the traced thread.
 */
@FunctionalInterface
public interface TraceSink {

	/** A sink that drops everything. */
	TraceSink DISCARD = (export) -> {
	};

	void submit(PendingExport export);

	/**
	 * Waits, at most {@code timeout}, until everything submitted so far has been handed
	 * on; returns whether it was.
	 */
	default boolean flush(Duration timeout) {
		return true;
	}

}
