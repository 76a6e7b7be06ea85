package io.agenttracing;

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

}
