package io.agenttracing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads back a trace that {@link TraceJson} wrote, for stores that keep traces as JSON.
 * Numbers come back as {@code Long} when whole and {@code Double} otherwise.
 */
final class TraceJsonReader {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private TraceJsonReader() {
	}

	static TraceData read(String json) {
		JsonNode trace = MAPPER.readTree(json);
		List<SpanData> spans = new ArrayList<>();
		String traceId = trace.get("traceId").asString();
		for (JsonNode span : trace.path("spans")) {
			spans.add(span(traceId, span));
		}
		List<Score> scores = new ArrayList<>();
		for (JsonNode score : trace.path("scores")) {
			scores.add(score(score));
		}
		List<String> tags = new ArrayList<>();
		trace.path("tags").forEach((tag) -> tags.add(tag.asString()));
		long start = nanos(trace.get("startTime").asString());
		return TraceData
			.of(traceId, text(trace.get("name")), start, text(trace.get("sessionId")), spans,
					trace.path("fragment").asBoolean(false), trace.path("droppedSpans").asInt(0),
					trace.path("incomplete").asBoolean(false))
			.withIdentity(text(trace.get("userId")), text(trace.get("sessionName")), tags)
			.withScores(scores);
	}

	private static SpanData span(String traceId, JsonNode span) {
		long start = nanos(span.get("startTime").asString());
		String end = text(span.get("endTime"));
		long endNanos = (end != null) ? nanos(end) : -1;
		List<SpanEvent> events = new ArrayList<>();
		for (JsonNode event : span.path("events")) {
			events.add(new SpanEvent(event.get("name").asString(), Instant.parse(event.get("timestamp").asString()),
					values(event.path("attributes"))));
		}
		JsonNode error = span.get("error");
		SpanError spanError = (error != null && !error.isNull())
				? new SpanError(error.get("type").asString(), text(error.get("message")), text(error.get("stackTrace")))
				: null;
		List<Signal> signals = new ArrayList<>();
		for (JsonNode signal : span.path("signals")) {
			Object value = value(signal.get("value"));
			signals.add(new Signal(signal.get("name").asString(), (value != null) ? value : "",
					Signal.Type.valueOf(signal.get("type").asString())));
		}
		Map<String, String> tags = new LinkedHashMap<>();
		span.path("tags").properties().forEach((entry) -> tags.put(entry.getKey(), entry.getValue().asString()));
		List<SpanData.Link> links = new ArrayList<>();
		for (JsonNode link : span.path("links")) {
			links.add(new SpanData.Link(link.get("traceId").asString(), link.get("spanId").asString(),
					values(link.path("attributes"))));
		}
		String level = text(span.get("level"));
		return new SpanData(traceId, span.get("spanId").asString(), text(span.get("parentId")),
				span.get("name").asString(), SpanKind.valueOf(span.get("kind").asString()),
				SpanStatus.valueOf(span.get("status").asString()), start, endNanos, 0,
				(endNanos >= 0) ? endNanos - start : -1, text(span.get("sessionId")), values(span.path("attributes")),
				events, spanError, embedded(span.get("input")), embedded(span.get("output")), tags, signals,
				(level != null) ? Span.Level.valueOf(level) : Span.Level.INFO, links);
	}

	private static Score score(JsonNode score) {
		JsonNode value = score.get("value");
		return new Score(score.get("name").asString(), Score.Type.valueOf(score.get("type").asString()),
				(value != null && value.isNumber()) ? value.asDouble() : null, text(score.get("label")),
				text(score.get("comment")), score.get("source").asString(), Instant.parse(score.get("time").asString()),
				text(score.get("spanId")));
	}

	private static Map<String, Object> values(JsonNode object) {
		Map<String, Object> values = new LinkedHashMap<>();
		object.properties().forEach((entry) -> {
			Object value = value(entry.getValue());
			if (value != null) {
				values.put(entry.getKey(), value);
			}
		});
		return values;
	}

	private static @Nullable Object value(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isBoolean()) {
			return node.asBoolean();
		}
		if (node.isIntegralNumber()) {
			return node.asLong();
		}
		if (node.isNumber()) {
			return node.asDouble();
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>();
			node.forEach((element) -> {
				Object value = value(element);
				if (value != null) {
					list.add(value);
				}
			});
			return list;
		}
		return node.isString() ? node.asString() : node.toString();
	}

	/** A captured value, embedded as JSON by the writer, back to JSON text. */
	private static @Nullable String embedded(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : MAPPER.writeValueAsString(node);
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

	private static long nanos(String instant) {
		Instant time = Instant.parse(instant);
		return time.getEpochSecond() * 1_000_000_000L + time.getNano();
	}

}
