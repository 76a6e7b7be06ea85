package io.agenttracing.sample.llm;

import java.util.List;

/**
 * One message of a chat with an LLM.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text, if any
 * @param toolCalls the tools an assistant message asks for
 * @param toolCallId for a tool message, the call it answers
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId) {

	public static ChatMessage system(String content) {
		return new ChatMessage("system", content, List.of(), null);
	}

	public static ChatMessage user(String content) {
		return new ChatMessage("user", content, List.of(), null);
	}

	public static ChatMessage assistant(String content) {
		return new ChatMessage("assistant", content, List.of(), null);
	}

	public static ChatMessage assistant(List<ToolCall> toolCalls) {
		return new ChatMessage("assistant", null, List.copyOf(toolCalls), null);
	}

	public static ChatMessage tool(String toolCallId, String content) {
		return new ChatMessage("tool", content, List.of(), toolCallId);
	}

}
