package io.agenttracing.internal.export;

import java.util.List;

import io.agenttracing.TraceData;

/** Forwards every pipeline event to several listeners. */
final class CompositeExportListener implements ExportListener {

	private final List<ExportListener> listeners;

	CompositeExportListener(List<ExportListener> listeners) {
		this.listeners = listeners;
	}

	@Override
	public void onTrace(TraceData trace) {
		this.listeners.forEach((listener) -> listener.onTrace(trace));
	}

	@Override
	public void onExported(String exporter, TraceData trace) {
		this.listeners.forEach((listener) -> listener.onExported(exporter, trace));
	}

	@Override
	public void onFailed(String exporter, TraceData trace, Throwable error) {
		this.listeners.forEach((listener) -> listener.onFailed(exporter, trace, error));
	}

	@Override
	public void onDropped(String exporter) {
		this.listeners.forEach((listener) -> listener.onDropped(exporter));
	}

}
