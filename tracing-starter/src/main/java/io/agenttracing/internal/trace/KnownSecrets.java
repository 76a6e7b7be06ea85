package io.agenttracing.internal.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agenttracing.Score;
import io.agenttracing.SpanData;
import io.agenttracing.SpanError;
import io.agenttracing.SpanEvent;
import io.agenttracing.TraceData;
import org.jspecify.annotations.Nullable;

/**
 * Values a trace learned are secret (recorded under a secret key: an {@code api_key}
 * attribute, a {@code token} parameter, an {@code authorization} tag), hidden wherever
 * else they appear in the same trace: inputs, outputs, attributes, events, tags, error
 * messages and stack traces. A key tells that its value is secret; the same value passed
 * on under another name, or quoted in an exception message, is no less secret.
 * <p>
 * Applied to the snapshot on the export thread, so every exporter gets the masked trace
 * and the traced thread only remembers the value. Values shorter than
 * {@value #MIN_LENGTH} characters are not remembered: masking every {@code "abc"} of a
 * trace would hide more than it protects.
 */
final class KnownSecrets {

	/** Shortest value remembered as secret. */
	static final int MIN_LENGTH = 6;

	/** Most values remembered per trace. */
	static final int MAX_VALUES = 32;

	private KnownSecrets() {
	}

	/** Whether {@code value} is worth remembering as a secret. */
	static boolean isRemembered(String value) {
		return value.length() >= MIN_LENGTH && !value.equals(CapturedText.REDACTED);
	}

	/**
	 * The credential of an authorization value ({@code Bearer abc123def}, {@code Basic
	 * dXNlcjpw}): the text after its scheme, or {@code null} when the value is not of
	 * that form.
	 */
	static @Nullable String credential(String value) {
		int space = value.indexOf(' ');
		if (space <= 0 || value.indexOf(' ', space + 1) >= 0) {
			return null;
		}
		String credential = value.substring(space + 1);
		return isRemembered(credential) ? credential : null;
	}

	/**
	 * The values, longest first, so that a secret that contains another is hidden whole.
	 */
	static List<String> ordered(Iterable<String> values) {
		List<String> ordered = new ArrayList<>();
		values.forEach(ordered::add);
		ordered.sort(Comparator.comparingInt(String::length).reversed());
		return List.copyOf(ordered);
	}

	/** The trace with every occurrence of every secret hidden. */
	static TraceData mask(TraceData trace, List<String> secrets) {
		if (secrets.isEmpty()) {
			return trace;
		}
		List<SpanData> spans = new ArrayList<>(trace.spans().size());
		for (SpanData span : trace.spans()) {
			spans.add(mask(span, secrets));
		}
		List<Score> scores = new ArrayList<>(trace.scores().size());
		for (Score score : trace.scores()) {
			scores.add((score.comment() != null) ? score.withComment(text(score.comment(), secrets)) : score);
		}
		return new TraceData(trace.traceId(), trace.name(), trace.kind(), trace.status(), trace.startEpochNanos(),
				trace.durationNanos(), trace.sessionId(), spans, trace.fragment(), trace.droppedSpans(),
				trace.incomplete(), trace.userId(), trace.sessionName(), trace.tags(), scores);
	}

	private static SpanData mask(SpanData span, List<String> secrets) {
		List<SpanEvent> events = new ArrayList<>(span.events().size());
		for (SpanEvent event : span.events()) {
			events.add(new SpanEvent(event.name(), event.timestamp(), maskValues(event.attributes(), secrets)));
		}
		SpanError error = span.error();
		SpanError maskedError = (error != null)
				? new SpanError(error.type(), text(error.message(), secrets), text(error.stackTrace(), secrets)) : null;
		Map<String, String> tags = new LinkedHashMap<>();
		span.tags().forEach((key, value) -> tags.put(key, String.valueOf(text(value, secrets))));
		return new SpanData(span.traceId(), span.spanId(), span.parentId(), span.name(), span.kind(), span.status(),
				span.startEpochNanos(), span.endEpochNanos(), span.startOffsetNanos(), span.durationNanos(),
				span.sessionId(), maskValues(span.attributes(), secrets), events, maskedError,
				text(span.input(), secrets), text(span.output(), secrets), tags, span.signals(), span.level(),
				span.links());
	}

	private static Map<String, Object> maskValues(Map<String, Object> values, List<String> secrets) {
		Map<String, Object> masked = new LinkedHashMap<>();
		values.forEach((key, value) -> masked.put(key, maskValue(value, secrets)));
		return masked;
	}

	private static Object maskValue(Object value, List<String> secrets) {
		if (value instanceof String text) {
			return String.valueOf(text(text, secrets));
		}
		if (value instanceof List<?> list) {
			List<Object> masked = new ArrayList<>(list.size());
			list.forEach((element) -> masked.add(maskValue(element, secrets)));
			return masked;
		}
		return value;
	}

	private static @Nullable String text(@Nullable String text, List<String> secrets) {
		if (text == null) {
			return null;
		}
		String masked = text;
		for (String secret : secrets) {
			if (masked.contains(secret)) {
				masked = masked.replace(secret, CapturedText.REDACTED);
			}
		}
		return masked;
	}

}
