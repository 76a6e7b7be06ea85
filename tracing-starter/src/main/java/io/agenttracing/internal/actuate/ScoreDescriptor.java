package io.agenttracing.internal.actuate;

import io.agenttracing.Score;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The answer to a score added over HTTP: the score as it was sent, and what became of it.
 *
 * @param name what was judged
 * @param type numeric, boolean or categorical
 * @param value the number, or {@code null} for a label
 * @param label the label, or {@code null}
 * @param source who judged
 * @param spanId the span judged, or {@code null} for the trace
 * @param message what was done
 */
public record ScoreDescriptor(String name, String type, @Nullable Double value, @Nullable String label, String source,
		@Nullable String spanId, String message) implements OperationResponseBody {

	static ScoreDescriptor of(Score score, String message) {
		return new ScoreDescriptor(score.name(), score.type().name(), score.value(), score.label(), score.source(),
				score.spanId(), message);
	}

}
