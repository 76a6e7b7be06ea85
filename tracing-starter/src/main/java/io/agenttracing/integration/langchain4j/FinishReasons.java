package io.agenttracing.integration.langchain4j;

import java.util.Locale;

import dev.langchain4j.model.output.FinishReason;
import org.jspecify.annotations.Nullable;

/**
 * LangChain4j's provider-neutral finish reason back in the words the provider used, as
 * the GenAI conventions record it ({@code tool_calls} from OpenAI, {@code tool_use} from
 * Anthropic), so a span reads like the provider's own answer and like other tools' spans.
 */
final class FinishReasons {

	private FinishReasons() {
	}

	static @Nullable String asSent(@Nullable FinishReason reason, @Nullable String provider) {
		if (reason == null) {
			return null;
		}
		if ("anthropic".equals(provider)) {
			return switch (reason) {
				case STOP -> "end_turn";
				case LENGTH -> "max_tokens";
				case TOOL_EXECUTION -> "tool_use";
				case CONTENT_FILTER -> "refusal";
				default -> reason.name().toLowerCase(Locale.ROOT);
			};
		}
		// OpenAI's words, which the OpenAI-compatible servers and most others share.
		return switch (reason) {
			case TOOL_EXECUTION -> "tool_calls";
			case CONTENT_FILTER -> "content_filter";
			default -> reason.name().toLowerCase(Locale.ROOT);
		};
	}

}
