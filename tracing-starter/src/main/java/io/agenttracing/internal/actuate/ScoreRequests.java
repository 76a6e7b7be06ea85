package io.agenttracing.internal.actuate;

import java.util.Locale;

import io.agenttracing.Score;
import org.jspecify.annotations.Nullable;

/** A score as an HTTP client sends it: the value decides its type. */
final class ScoreRequests {

	private ScoreRequests() {
	}

	/**
	 * The score of a request: {@code true}/{@code false} is a boolean score, a number a
	 * numeric one, any other text a categorical label. Throws
	 * {@link IllegalArgumentException} naming what is wrong.
	 */
	static Score score(@Nullable String name, @Nullable Object value, @Nullable String comment,
			@Nullable String source) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A score needs a \"name\"");
		}
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new IllegalArgumentException(
					"Score '" + name + "' needs a \"value\": a number, true or false, or a label");
		}
		Score score = typed(name.trim(), value);
		score = score.withSource((source != null && !source.isBlank()) ? source.trim() : Score.USER_FEEDBACK);
		return (comment != null && !comment.isBlank()) ? score.withComment(comment) : score;
	}

	private static Score typed(String name, Object value) {
		if (value instanceof Boolean bool) {
			return Score.bool(name, bool);
		}
		if (value instanceof Number number) {
			return Score.numeric(name, number.doubleValue());
		}
		String text = value.toString().trim();
		String lower = text.toLowerCase(Locale.ROOT);
		if (lower.equals("true") || lower.equals("false")) {
			return Score.bool(name, Boolean.parseBoolean(lower));
		}
		try {
			return Score.numeric(name, Double.parseDouble(text));
		}
		catch (NumberFormatException ex) {
			return Score.categorical(name, text);
		}
	}

}
