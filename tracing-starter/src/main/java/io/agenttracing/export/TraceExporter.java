package io.agenttracing.export;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.agenttracing.TraceData;

/**
 * Receives finished traces on the export pipeline's thread, never on the traced thread.
 * Each exporter runs in isolation: one that throws or hangs delays no other exporter and
 * never the application. Every bean implementing this interface receives traces.
 */
public interface TraceExporter {

	/**
	 * Exports one trace, or one fragment of a trace (spans that ended after the trace was
	 * exported, with the same trace id and {@link TraceData#fragment()} set).
	 */
	void export(TraceData trace);

	/**
	 * Exports several traces at once: as one request, where the backend takes several
	 * traces per request. The returned stage completes when the batch is delivered, or
	 * completes exceptionally when it is not; the pipeline then counts every trace of the
	 * batch as failed. The pipeline keeps up to {@code export.max-concurrent-requests}
	 * batches of one exporter in flight, so one slow round trip does not cap throughput.
	 * <p>
	 * By default each trace goes to {@link #export(TraceData)} in turn, on the pipeline's
	 * thread, and the pipeline counts each trace's success or failure on its own: an
	 * exporter that only implements the single-trace method (a lambda, say) works
	 * unchanged.
	 */
	default CompletionStage<Void> export(List<TraceData> traces) {
		for (TraceData trace : traces) {
			export(trace);
		}
		return CompletableFuture.completedFuture(null);
	}

	/**
	 * Writes out anything buffered. Called on graceful shutdown before
	 * {@link #shutdown()}.
	 */
	default void flush() {
	}

	/** Releases resources. Called once, on graceful shutdown. */
	default void shutdown() {
	}

	/** Short name used in metrics and logs. */
	default String name() {
		return getClass().getSimpleName();
	}

	/** An exporter that discards everything. */
	static TraceExporter noop() {
		return (trace) -> {
		};
	}

	/**
	 * An exporter that hands each trace to all of {@code exporters} in turn, on the
	 * calling thread.
	 */
	static TraceExporter composite(List<? extends TraceExporter> exporters) {
		List<TraceExporter> all = List.copyOf(exporters);
		return new TraceExporter() {

			@Override
			public void export(TraceData trace) {
				all.forEach((exporter) -> exporter.export(trace));
			}

			@Override
			public void flush() {
				all.forEach(TraceExporter::flush);
			}

			@Override
			public void shutdown() {
				all.forEach(TraceExporter::shutdown);
			}

			@Override
			public String name() {
				return "composite";
			}

		};
	}

}
