package io.agenttracing.internal.trace;

import io.agenttracing.Span;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a span needs to record safely, carried by its trace: the capturer that renders and
 * redacts values, and the limits that bound every value a user or a caller controls.
 *
 * @param capturer renders values as JSON and masks secret text
 * @param maxAttributes most attributes on one span
 * @param maxEvents most events on one span
 * @param maxSignals most signals on one span
 * @param maxTags most tags on one span
 * @param maxStackFrames stack frames recorded for an error
 * @param maxValueLength longest text kept for one value (attribute, message, stack trace,
 * JSON)
 * @param maxNameLength longest name kept (span, event, signal and tag names, tag values,
 * session id)
 * @param pricing prices that give LLM spans their cost
 * @param minimumLevel threshold below which spans are left out of their traces
 * @param captureInput whether spans record input at all
 * @param captureOutput whether spans record output at all
 */
record SpanSettings(ValueCapturer capturer, int maxAttributes, int maxEvents, int maxSignals, int maxTags,
		int maxStackFrames, int maxValueLength, int maxNameLength, ModelPricing pricing, Span.Level minimumLevel,
		boolean captureInput, boolean captureOutput) {

	static final String REDACTED = CapturedText.REDACTED;

	/**
	 * Text masked and cut to {@code max} characters; masking sees a little past the cut.
	 */
	String text(String text, int max) {
		String masked = redact(CapturedText.maskWindow(text, max));
		if (text.length() <= max && masked.length() <= max) {
			return masked;
		}
		return masked.substring(0, Math.min(max, masked.length())) + CapturedText.truncationMarker(text.length() - max);
	}

	/** A name cut to {@link #maxNameLength}. */
	String name(String name) {
		return (name.length() <= this.maxNameLength) ? name : text(name, this.maxNameLength);
	}

	/**
	 * JSON text set on a span by the application, masked; too long, it becomes a JSON
	 * string of its first characters.
	 */
	String json(String json) {
		if (json.length() <= this.maxValueLength) {
			return redact(json);
		}
		String cut = text(json, this.maxValueLength);
		return CapturedText.jsonString(cut);
	}

	/**
	 * The form an attribute value is kept in: the value of a secret key is hidden,
	 * strings are masked and bounded, numbers and booleans kept as they are, anything
	 * else captured as JSON.
	 */
	@Nullable Object attributeValue(String key, Object value) {
		if (isSecretKey(key)) {
			return REDACTED;
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof CharSequence || value instanceof Character) {
			return text(value.toString(), this.maxValueLength);
		}
		if (value instanceof List<?> list && list.size() <= this.maxAttributes && isPlainList(list)) {
			List<Object> kept = new ArrayList<>(list.size());
			for (Object element : list) {
				kept.add((element instanceof String text) ? text(text, this.maxValueLength) : element);
			}
			return List.copyOf(kept);
		}
		String json = safeCapture(value);
		return (json != null) ? json : "<" + value.getClass().getName() + ">";
	}

	/** Event attributes as they are kept: each value like a span attribute's. */
	Map<String, Object> eventAttributes(Map<String, Object> attributes) {
		Map<String, Object> kept = new LinkedHashMap<>();
		for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
			if (kept.size() >= this.maxAttributes) {
				break;
			}
			Object value = attributeValue(attribute.getKey(), attribute.getValue());
			if (value != null) {
				kept.put(name(attribute.getKey()), value);
			}
		}
		return kept;
	}

	boolean isSecretKey(String key) {
		try {
			return this.capturer.isSecretKey(key);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private String redact(String text) {
		try {
			return this.capturer.redactText(text);
		}
		catch (RuntimeException ex) {
			// A capturer that fails to mask must not let the text through.
			return REDACTED;
		}
	}

	private @Nullable String safeCapture(Object value) {
		try {
			return this.capturer.capture(value);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean isPlainList(List<?> list) {
		for (Object element : list) {
			if (!(element instanceof String || element instanceof Number || element instanceof Boolean)) {
				return false;
			}
		}
		return true;
	}

}
