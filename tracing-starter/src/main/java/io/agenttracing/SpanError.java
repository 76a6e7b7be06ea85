package io.agenttracing;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The failure recorded on a span.
 *
 * @param type fully qualified class name of the cause (wrappers such as
 * {@code CompletionException} unwrapped)
 * @param message the exception message, if any
 * @param stackTrace a bounded rendering of the stack trace, if one was recorded
 */
public record SpanError(String type, @Nullable String message, @Nullable String stackTrace) {

	public SpanError {
		Objects.requireNonNull(type, "type");
	}

}
