package io.agenttracing.internal.semconv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.agenttracing.Span;
import io.agenttracing.Score;
import io.agenttracing.SpanData;
import io.agenttracing.SpanEvent;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import org.jspecify.annotations.Nullable;

/**
 * A trace's scores as backends receive them, in the OpenTelemetry GenAI form: each score
 * a {@code gen_ai.evaluation.result} event on the span it judges (the first root for a
 * score of the whole trace). A score given after the trace was exported arrives as a
 * score-only fragment; its spans were sent already and a span cannot be changed once
 * sent, so each such score becomes a small span of its own, {@code evaluation <name>},
 * under the span it judges, carrying the same event.
 */
public final class Evaluations {

	public static final String EVENT = "gen_ai.evaluation.result";

	/** Marks a follow-up span that only carries a score. */
	public static final String EVALUATION_NAME = "gen_ai.evaluation.name";

	private Evaluations() {
	}

	/** The trace with its scores as evaluation events or follow-up spans. */
	public static TraceData withEvaluations(TraceData trace) {
		if (trace.scores().isEmpty()) {
			return trace;
		}
		if (trace.spans().isEmpty()) {
			List<SpanData> followUps = new ArrayList<>(trace.scores().size());
			for (Score score : trace.scores()) {
				followUps.add(followUp(trace.traceId(), score));
			}
			return new TraceData(trace.traceId(), trace.name(), trace.kind(), trace.status(), trace.startEpochNanos(),
					trace.durationNanos(), trace.sessionId(), followUps, true, 0, false, trace.userId(),
					trace.sessionName(), trace.tags(), trace.scores());
		}
		String root = trace.spans()
			.stream()
			.filter((span) -> span.parentId() == null)
			.findFirst()
			.orElse(trace.spans().get(0))
			.spanId();
		Map<String, List<SpanEvent>> events = new HashMap<>();
		for (Score score : trace.scores()) {
			String judged = (score.spanId() != null) ? score.spanId() : root;
			events.computeIfAbsent(judged, (key) -> new ArrayList<>()).add(event(score));
		}
		List<SpanData> spans = new ArrayList<>(trace.spans().size());
		for (SpanData span : trace.spans()) {
			List<SpanEvent> added = events.get(span.spanId());
			spans.add((added == null) ? span : withEvents(span, added));
		}
		return new TraceData(trace.traceId(), trace.name(), trace.kind(), trace.status(), trace.startEpochNanos(),
				trace.durationNanos(), trace.sessionId(), spans, trace.fragment(), trace.droppedSpans(),
				trace.incomplete(), trace.userId(), trace.sessionName(), trace.tags(), trace.scores());
	}

	static SpanEvent event(Score score) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(EVALUATION_NAME, score.name());
		if (score.value() != null) {
			attributes.put("gen_ai.evaluation.score.value", score.value());
		}
		if (score.label() != null) {
			attributes.put("gen_ai.evaluation.score.label", score.label());
		}
		if (score.comment() != null) {
			attributes.put("gen_ai.evaluation.explanation", score.comment());
		}
		attributes.put("gen_ai.evaluation.source", score.source());
		return new SpanEvent(EVENT, score.time(), attributes);
	}

	private static SpanData followUp(String traceId, Score score) {
		long at = score.time().getEpochSecond() * 1_000_000_000L + score.time().getNano();
		Map<String, Object> attributes = new LinkedHashMap<>(event(score).attributes());
		attributes.put("gen_ai.evaluation.type", score.type().name().toLowerCase(java.util.Locale.ROOT));
		return new SpanData(traceId, randomSpanId(), score.spanId(), "evaluation " + score.name(), SpanKind.INTERNAL,
				SpanStatus.OK, at, at, 0, 0, null, attributes, List.of(event(score)), null, null, scoreJson(score),
				Map.of(), List.of(), Span.Level.INFO, List.of());
	}

	private static @Nullable String scoreJson(Score score) {
		StringBuilder json = new StringBuilder("{\"name\":").append(quoted(score.name()));
		if (score.value() != null) {
			json.append(",\"value\":").append(score.value());
		}
		if (score.label() != null) {
			json.append(",\"label\":").append(quoted(score.label()));
		}
		if (score.comment() != null) {
			json.append(",\"comment\":").append(quoted(score.comment()));
		}
		return json.append(",\"source\":").append(quoted(score.source())).append('}').toString();
	}

	private static String quoted(String text) {
		return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(text);
	}

	private static SpanData withEvents(SpanData span, List<SpanEvent> added) {
		List<SpanEvent> events = new ArrayList<>(span.events());
		events.addAll(added);
		return new SpanData(span.traceId(), span.spanId(), span.parentId(), span.name(), span.kind(), span.status(),
				span.startEpochNanos(), span.endEpochNanos(), span.startOffsetNanos(), span.durationNanos(),
				span.sessionId(), span.attributes(), events, span.error(), span.input(), span.output(), span.tags(),
				span.signals(), span.level(), span.links());
	}

	private static String randomSpanId() {
		long id;
		do {
			id = ThreadLocalRandom.current().nextLong();
		}
		while (id == 0);
		return String.format("%016x", id);
	}

}
