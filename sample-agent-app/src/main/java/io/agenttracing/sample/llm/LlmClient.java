package io.agenttracing.sample.llm;

import java.util.List;

/**
 * A chat-completion model that can ask for tools.
 */
public interface LlmClient {

	LlmResponse complete(List<ChatMessage> messages, List<ToolSpec> tools);

}
