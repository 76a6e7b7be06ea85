package io.agenttracing.internal.export.metrics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.agenttracing.Score;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import io.agenttracing.internal.export.ExportListener;
import io.agenttracing.internal.semconv.AgentSemantics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Records pipeline activity as Micrometer meters:
 * <ul>
 * <li>{@value #SPAN_DURATION}: a timer of span durations, tagged by kind and status, and
 * by name only when asked for, for at most {@code maxSpanNames} names (one series per
 * name would grow without bound with generated span names);</li>
 * <li>{@value #EXPORTED}, {@value #FAILED}, {@value #DROPPED}: counters of traces, tagged
 * by exporter ({@code queue} for traces refused while the pipeline closed), registered at
 * 0 from the start so a dashboard can read them before the first failure;</li>
 * <li>{@value #SPANS_DROPPED}: spans a trace did not keep because it reached
 * {@code max-spans-per-trace};</li>
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

	public static final String SPANS_DROPPED = "agent.tracing.spans.dropped";

	/** The name tag of spans past the name limit. */
	static final String OTHER_NAMES = "other";

	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";

	/** The values of numeric and boolean scores, per score name and source. */
	public static final String SCORES = "agent.tracing.scores";

	/** Distinct score names tagged; names past it share {@value #OTHER_NAMES}. */
	static final int MAX_SCORE_NAMES = 50;

	private final Set<String> scoreNames = ConcurrentHashMap.newKeySet();

	private final Set<String> scoreSources = ConcurrentHashMap.newKeySet();

	private final MeterRegistry registry;

	private final int maxSpanNames;

	private final Set<String> spanNames = ConcurrentHashMap.newKeySet();

	private final Counter spansDropped;

	/** Span durations tagged by kind and status only. */
	public MicrometerExportListener(MeterRegistry registry) {
		this(registry, List.of(), 0);
	}

	/**
	 * @param registry where the meters go
	 * @param exporters the exporters, whose counters are registered at 0 now
	 * @param maxSpanNames span names to tag the duration timer with, at most; 0 for none.
	 * Names past the limit share the tag {@value #OTHER_NAMES}.
	 */
	public MicrometerExportListener(MeterRegistry registry, List<String> exporters, int maxSpanNames) {
		this.registry = registry;
		this.maxSpanNames = maxSpanNames;
		this.spansDropped = Counter.builder(SPANS_DROPPED)
			.description("Spans not kept because their trace reached max-spans-per-trace")
			.register(registry);
		for (String exporter : exporters) {
			onExportedCounter(exporter);
			failedCounter(exporter);
			droppedCounter(exporter);
		}
	}

	@Override
	public void onTrace(TraceData trace) {
		if (trace.droppedSpans() > 0) {
			this.spansDropped.increment(trace.droppedSpans());
		}
		for (Score score : trace.scores()) {
			if (score.value() != null) {
				DistributionSummary.builder(SCORES)
					.description("Scores given to traces: user feedback, evaluators, the application's own")
					.tag("name", bounded(this.scoreNames, MAX_SCORE_NAMES, score.name()))
					.tag("source", bounded(this.scoreSources, MAX_SCORE_NAMES, score.source()))
					.register(this.registry)
					.record(score.value());
			}
		}
		for (SpanData span : trace.spans()) {
			if (span.durationNanos() >= 0) {
				Timer.Builder timer = Timer.builder(SPAN_DURATION)
					.description("Duration of traced agent operations")
					.tag("kind", span.kind().name())
					.tag("status", span.status().name());
				if (this.maxSpanNames > 0) {
					timer.tag("name", nameTag(span.name()));
				}
				timer.register(this.registry).record(span.durationNanos(), TimeUnit.NANOSECONDS);
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

	private String nameTag(String name) {
		if (this.spanNames.contains(name)) {
			return name;
		}
		synchronized (this.spanNames) {
			if (this.spanNames.size() < this.maxSpanNames) {
				this.spanNames.add(name);
				return name;
			}
		}
		return OTHER_NAMES;
	}

	private static String tagValue(@Nullable Object value) {
		return (value != null) ? value.toString() : "unknown";
	}

	@Override
	public void onExported(String exporter, TraceData trace) {
		onExportedCounter(exporter).increment();
	}

	@Override
	public void onFailed(String exporter, TraceData trace, Throwable error) {
		failedCounter(exporter).increment();
	}

	@Override
	public void onDropped(String exporter) {
		droppedCounter(exporter).increment();
	}

	private Counter onExportedCounter(String exporter) {
		return counter(EXPORTED, "Traces handed to an exporter", exporter);
	}

	private Counter failedCounter(String exporter) {
		return counter(FAILED, "Traces an exporter failed to export", exporter);
	}

	private Counter droppedCounter(String exporter) {
		return counter(DROPPED, "Traces dropped because a queue was full or the pipeline closed", exporter);
	}

	private Counter counter(String name, String description, String exporter) {
		return Counter.builder(name).description(description).tag("exporter", exporter).register(this.registry);
	}

	/**
	 * {@code value} while fewer than {@code max} distinct values were seen, else "other".
	 */
	private static String bounded(Set<String> seen, int max, String value) {
		if (seen.contains(value)) {
			return value;
		}
		if (seen.size() < max) {
			seen.add(value);
			return value;
		}
		return OTHER_NAMES;
	}

}
