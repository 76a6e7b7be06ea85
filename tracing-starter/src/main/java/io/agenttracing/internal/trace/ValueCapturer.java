package io.agenttracing.internal.trace;

import org.jspecify.annotations.Nullable;

/**
 * Turns captured values (method arguments, return values, attributes) into bounded JSON
 * text. Implementations never throw: a value that cannot be rendered becomes a
 * placeholder.
 */
public interface ValueCapturer {

	/** A capturer that records nothing. */
	ValueCapturer NONE = new ValueCapturer() {

		@Override
		public @Nullable String capture(@Nullable Object value) {
			return null;
		}

		@Override
		public @Nullable String captureArguments(String[] names, @Nullable Object[] values) {
			return null;
		}

	};

	/** JSON text of one value, or {@code null} to record nothing. */
	@Nullable String capture(@Nullable Object value);

	/**
	 * A JSON object of arguments by parameter name, or {@code null} to record nothing.
	 */
	@Nullable String captureArguments(String[] names, @Nullable Object[] values);

	/**
	 * Whether a key (an attribute or event attribute name) names a secret, whose value
	 * must not be recorded. None does by default.
	 */
	default boolean isSecretKey(String key) {
		return false;
	}

	/**
	 * Text as it may be recorded (attribute values, error messages, JSON set on a span):
	 * with secret-looking parts masked. Unchanged by default.
	 */
	default String redactText(String text) {
		return text;
	}

}
