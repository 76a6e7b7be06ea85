package io.agenttracing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON shape of traces, shared by the actuator endpoint, the JSON console format
 * {@link TraceData#toJson()} and {@link TraceContext#toJson()}. Built as plain maps and
 * lists so that any JSON mapper renders it the same way; captured input and output are
 * embedded as JSON, not as strings.
 */
final class TraceJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private TraceJson() {
	}

	/** One trace in full, as a single line of JSON. */
	static String toJson(TraceData trace) {
		return MAPPER.writeValueAsString(detail(trace));
	}

	/**
	 * A list of traces, newest first, as one line of JSON: {@code {"traces":
	 * [summary...]}}.
	 */
	static String toListJson(List<TraceData> traces) {
		return MAPPER.writeValueAsString(Map.of("traces", traces.stream().map(TraceJson::summary).toList()));
	}

	/** The list entry of a trace. */
	static Map<String, @Nullable Object> summary(TraceData trace) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("traceId", trace.traceId());
		json.put("name", trace.name());
		json.put("kind", trace.kind().name());
		json.put("status", trace.status().name());
		json.put("startTime", trace.startTime().toString());
		json.put("durationMs", trace.durationMs());
		json.put("spanCount", trace.spanCount());
		json.put("errorCount", trace.errorCount());
		json.put("level", trace.level().name());
		putWhoAndTotals(json, trace);
		// The newest score of each name, for the list to show, filter and sort by.
		Map<String, Object> scores = new LinkedHashMap<>();
		for (Score score : trace.scores()) {
			scores.put(score.name(),
					(score.type() == Score.Type.CATEGORICAL) ? String.valueOf(score.label())
							: (score.type() == Score.Type.BOOLEAN)
									? (Object) (score.value() != null && score.value() != 0) : score.value());
		}
		json.put("scores", scores);
		return json;
	}

	/** A trace with all its spans. */
	static Map<String, @Nullable Object> detail(TraceData trace) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("traceId", trace.traceId());
		json.put("name", trace.name());
		json.put("status", trace.status().name());
		json.put("startTime", trace.startTime().toString());
		json.put("durationMs", trace.durationMs());
		putWhoAndTotals(json, trace);
		json.put("fragment", trace.fragment());
		json.put("scores", trace.scores().stream().map(TraceJson::score).toList());
		List<Map<String, @Nullable Object>> spans = new ArrayList<>(trace.spanCount());
		for (SpanData span : trace.spans()) {
			spans.add(span(span));
		}
		json.put("spans", spans);
		return json;
	}

	/** Whom the trace served, what it cost, and what it lost. */
	private static void putWhoAndTotals(Map<String, @Nullable Object> json, TraceData trace) {
		json.put("sessionId", trace.sessionId());
		json.put("sessionName", trace.sessionName());
		json.put("userId", trace.userId());
		json.put("tags", trace.tags());
		json.put("totalTokens", trace.totalTokens());
		json.put("totalCost", trace.totalCost());
		json.put("droppedSpans", trace.droppedSpans());
		json.put("incomplete", trace.incomplete());
	}

	static Map<String, @Nullable Object> span(SpanData span) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("spanId", span.spanId());
		json.put("parentId", span.parentId());
		json.put("name", span.name());
		json.put("kind", span.kind().name());
		json.put("status", span.status().name());
		json.put("startTime", span.startTime().toString());
		json.put("endTime", (span.endTime() != null) ? span.endTime().toString() : null);
		json.put("durationMs", span.durationMs());
		json.put("sessionId", span.sessionId());
		json.put("attributes", span.attributes());
		json.put("events", span.events().stream().map(TraceJson::event).toList());
		json.put("error", error(span.error()));
		json.put("input", embedded(span.input()));
		json.put("output", embedded(span.output()));
		json.put("signals", span.signals().stream().map(TraceJson::signal).toList());
		json.put("tags", span.tags());
		json.put("level", span.effectiveLevel().name());
		json.put("links", span.links().stream().map(TraceJson::link).toList());
		return json;
	}

	private static Map<String, @Nullable Object> score(Score score) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("name", score.name());
		json.put("type", score.type().name());
		json.put("value", score.value());
		json.put("label", score.label());
		json.put("comment", score.comment());
		json.put("source", score.source());
		json.put("time", score.time().toString());
		json.put("spanId", score.spanId());
		return json;
	}

	private static Map<String, Object> link(SpanData.Link link) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("traceId", link.traceId());
		json.put("spanId", link.spanId());
		json.put("attributes", link.attributes());
		return json;
	}

	private static Map<String, Object> event(SpanEvent event) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", event.name());
		json.put("timestamp", event.timestamp().toString());
		json.put("attributes", event.attributes());
		return json;
	}

	private static @Nullable Map<String, @Nullable Object> error(@Nullable SpanError error) {
		if (error == null) {
			return null;
		}
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("type", error.type());
		json.put("message", error.message());
		json.put("stackTrace", error.stackTrace());
		return json;
	}

	private static Map<String, Object> signal(Signal signal) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", signal.name());
		json.put("value", signal.value());
		json.put("type", signal.type().name());
		return json;
	}

	/** Captured JSON text as a value to embed; text that is not JSON stays a string. */
	private static @Nullable Object embedded(@Nullable String json) {
		if (json == null) {
			return null;
		}
		try {
			return MAPPER.readValue(json, Object.class);
		}
		catch (JacksonException ex) {
			return json;
		}
	}

}
