package io.agenttracing.sample.llm;

import java.util.List;

/**
 * What the model answered.
 *
 * @param content the text answer, if the model gave one
 * @param toolCalls tools the model wants called before it answers
 * @param model the model that answered
 * @param inputTokens prompt tokens consumed
 * @param outputTokens completion tokens produced
 */
public record LlmResponse(String content, List<ToolCall> toolCalls, String model, long inputTokens, long outputTokens) {

	public boolean wantsTools() {
		return !this.toolCalls.isEmpty();
	}

}
