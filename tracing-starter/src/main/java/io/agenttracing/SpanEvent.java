package io.agenttracing;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A named point in time inside a span, with optional attributes. Immutable:
 * {@link #withAttribute} returns a copy.
 *
 * @param name what happened
 * @param timestamp when it happened
 * @param attributes details, JSON-serialisable values
 */
public record SpanEvent(String name, Instant timestamp, Map<String, Object> attributes) {

	public SpanEvent {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(timestamp, "timestamp");
		attributes = (attributes == null || attributes.isEmpty()) ? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
	}

	/** An event named {@code name} that happens now. */
	public static SpanEvent of(String name) {
		return new SpanEvent(name, Instant.now(), Map.of());
	}

	/** An event named {@code name} at {@code timestamp}. */
	public static SpanEvent of(String name, Instant timestamp) {
		return new SpanEvent(name, timestamp, Map.of());
	}

	/** A copy of this event with one more attribute; a {@code null} value is ignored. */
	public SpanEvent withAttribute(String key, @Nullable Object value) {
		if (value == null) {
			return this;
		}
		Map<String, Object> copy = new LinkedHashMap<>(this.attributes);
		copy.put(key, value);
		return new SpanEvent(this.name, this.timestamp, copy);
	}

}
