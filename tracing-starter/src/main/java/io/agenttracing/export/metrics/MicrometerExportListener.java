package io.agenttracing.export.metrics;

import java.util.concurrent.TimeUnit;

import io.agenttracing.SpanData;
import io.agenttracing.TraceData;
import io.agenttracing.export.ExportListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records pipeline activity as Micrometer meters:
 * <ul>
 * <li>{@value #SPAN_DURATION}: a timer of span durations, tagged by kind, name and status;</li>
 * <li>{@value #EXPORTED}, {@value #FAILED}, {@value #DROPPED}: counters of traces, tagged by
 * exporter ({@code queue} for drops of the shared queue).</li>
 * </ul>
 * Spans are timed on the export thread, so the traced call pays nothing for the metric.
 */
public final class MicrometerExportListener implements ExportListener {

	public static final String SPAN_DURATION = "agent.tracing.span.duration";

	public static final String EXPORTED = "agent.tracing.traces.exported";

	public static final String FAILED = "agent.tracing.traces.failed";

	public static final String DROPPED = "agent.tracing.traces.dropped";

	private final MeterRegistry registry;

	public MicrometerExportListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onTrace(TraceData trace) {
		for (SpanData span : trace.spans()) {
			if (span.durationNanos() >= 0) {
				Timer.builder(SPAN_DURATION)
					.description("Duration of traced agent operations")
					.tag("kind", span.kind().name())
					.tag("name", span.name())
					.tag("status", span.status().name())
					.register(this.registry)
					.record(span.durationNanos(), TimeUnit.NANOSECONDS);
			}
		}
	}

	@Override
	public void onExported(String exporter, TraceData trace) {
		counter(EXPORTED, "Traces handed to an exporter", exporter).increment();
	}

	@Override
	public void onFailed(String exporter, TraceData trace, Throwable error) {
		counter(FAILED, "Traces an exporter failed to export", exporter).increment();
	}

	@Override
	public void onDropped(String exporter) {
		counter(DROPPED, "Traces dropped because a queue was full or the pipeline closed", exporter).increment();
	}

	private Counter counter(String name, String description, String exporter) {
		return Counter.builder(name).description(description).tag("exporter", exporter).register(this.registry);
	}

}
