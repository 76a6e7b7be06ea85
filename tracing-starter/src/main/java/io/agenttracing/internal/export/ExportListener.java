package io.agenttracing.internal.export;

import java.util.List;

import io.agenttracing.TraceData;

/**
 * Observes the export pipeline, for metrics. Called on pipeline threads; must not block.
 */
public interface ExportListener {

	/** A listener that ignores everything. */
	ExportListener NONE = new ExportListener() {
	};

	/** A listener that forwards every call to each of {@code listeners}. */
	static ExportListener composite(List<? extends ExportListener> listeners) {
		if (listeners.isEmpty()) {
			return NONE;
		}
		List<ExportListener> all = List.copyOf(listeners);
		return (all.size() == 1) ? all.get(0) : new CompositeExportListener(all);
	}

	/**
	 * A trace was snapshotted, before it goes to the exporters; called once per trace.
	 */
	default void onTrace(TraceData trace) {
	}

	/** An exporter accepted a trace. */
	default void onExported(String exporter, TraceData trace) {
	}

	/** An exporter threw while exporting a trace. */
	default void onFailed(String exporter, TraceData trace, Throwable error) {
	}

	/**
	 * A trace was dropped: by one exporter's full queue, or refused because the pipeline
	 * was closing ({@code exporter} is {@value ExportPipeline#QUEUE}).
	 */
	default void onDropped(String exporter) {
	}

}
