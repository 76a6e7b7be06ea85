package io.agenttracing.sample.agent;

import java.util.List;

import io.agenttracing.SpanKind;
import io.agenttracing.annotation.SessionId;
import io.agenttracing.annotation.Traced;
import io.agenttracing.sample.knowledge.KnowledgeClient;
import io.agenttracing.sample.llm.ChatMessage;
import io.agenttracing.sample.memory.ConversationMemory;

import org.springframework.stereotype.Component;

/**
 * One chat turn: load the conversation, retrieve context, let the agent answer, remember
 * the turn.
 */
@Component
public class ChatWorkflow {

	private final ConversationMemory memory;

	private final KnowledgeClient knowledge;

	private final ResearchAgent agent;

	public ChatWorkflow(ConversationMemory memory, KnowledgeClient knowledge, ResearchAgent agent) {
		this.memory = memory;
		this.knowledge = knowledge;
		this.agent = agent;
	}

	@Traced(kind = SpanKind.WORKFLOW)
	public AgentAnswer handle(@SessionId String sessionId, String message) {
		List<ChatMessage> history = this.memory.load(sessionId);
		List<String> context = this.knowledge.search(message);
		AgentAnswer answer = this.agent.respond(message, history, context);
		this.memory.save(sessionId, ChatMessage.user(message), ChatMessage.assistant(answer.answer()));
		return answer;
	}

}
