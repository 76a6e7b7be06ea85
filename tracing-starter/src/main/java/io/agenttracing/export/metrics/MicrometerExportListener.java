package io.agenttracing.export.metrics;

import java.util.concurrent.TimeUnit;

import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import io.agenttracing.export.ExportListener;
import io.agenttracing.export.semconv.AgentSemantics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records pipeline activity as Micrometer meters:
 * <ul>
 * <li>{@value #SPAN_DURATION}: a timer of span durations, tagged by kind, name and status;</li>
 * <li>{@value #EXPORTED}, {@value #FAILED}, {@value #DROPPED}: counters of traces, tagged by
 * exporter ({@code queue} for traces refused while the pipeline closed);</li>
 * <li>{@value #TOKEN_USAGE} and {@value #OPERATION_DURATION} for LLM spans, after the
 * OpenTelemetry GenAI conventions.</li>
 * </ul>
 * Spans are timed on the export thread, so the traced call pays nothing for the metric.
 */
public final class MicrometerExportListener implements ExportListener {

	public static final String SPAN_DURATION = "agent.tracing.span.duration";

	public static final String EXPORTED = "agent.tracing.traces.exported";

	public static final String FAILED = "agent.tracing.traces.failed";

	public static final String DROPPED = "agent.tracing.traces.dropped";

	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";

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
				if (span.kind() == SpanKind.LLM) {
					recordGenAi(span);
				}
			}
		}
	}

	/** The OpenTelemetry GenAI client metrics of an LLM call. */
	private void recordGenAi(SpanData span) {
		String operation = String.valueOf(AgentSemantics.operationName(span));
		String provider = tagValue(span.attribute(AgentSemantics.PROVIDER_NAME));
		String model = tagValue(span.attribute(AgentSemantics.REQUEST_MODEL));
		String errorType = (span.status() == SpanStatus.ERROR && span.error() != null) ? span.error().type() : "none";
		Timer.builder(OPERATION_DURATION)
			.description("Duration of GenAI client operations")
			.tag(AgentSemantics.OPERATION_NAME, operation)
			.tag(AgentSemantics.PROVIDER_NAME, provider)
			.tag(AgentSemantics.REQUEST_MODEL, model)
			.tag(AgentSemantics.ERROR_TYPE, errorType)
			.register(this.registry)
			.record(span.durationNanos(), TimeUnit.NANOSECONDS);
		recordTokens(span, AgentSemantics.INPUT_TOKENS, "input", operation, provider, model);
		recordTokens(span, AgentSemantics.OUTPUT_TOKENS, "output", operation, provider, model);
	}

	private void recordTokens(SpanData span, String attribute, String type, String operation, String provider,
			String model) {
		if (span.attribute(attribute) instanceof Number tokens) {
			DistributionSummary.builder(TOKEN_USAGE)
				.description("Number of tokens used in GenAI operations")
				.baseUnit("{token}")
				.tag("gen_ai.token.type", type)
				.tag(AgentSemantics.OPERATION_NAME, operation)
				.tag(AgentSemantics.PROVIDER_NAME, provider)
				.tag(AgentSemantics.REQUEST_MODEL, model)
				.register(this.registry)
				.record(tokens.doubleValue());
		}
	}

	private static String tagValue(Object value) {
		return (value != null) ? value.toString() : "unknown";
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
