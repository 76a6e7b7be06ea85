package io.agenttracing;

import org.jspecify.annotations.Nullable;

/**
 * Turns captured values (method arguments, return values, attributes) into bounded JSON text.
 * Implementations never throw: a value that cannot be rendered becomes a placeholder.
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

	/** A JSON object of arguments by parameter name, or {@code null} to record nothing. */
	@Nullable String captureArguments(String[] names, @Nullable Object[] values);

}
