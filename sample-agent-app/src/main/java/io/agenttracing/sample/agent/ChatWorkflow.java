package io.agenttracing.sample.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.Tracing;
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

	/** The last turn of each recent session, which the next turn links to. */
	private final Map<String, Turn> lastTurns = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Turn> eldest) {
			return size() > 1000;
		}

	});

	@Traced(kind = SpanKind.WORKFLOW)
	public AgentAnswer handle(@SessionId String sessionId, String message) {
		// A turn continues the conversation of the turn before it, a trace of its own: a
		// link, not a parent.
		Span turn = Tracing.currentSpan();
		Turn previous = this.lastTurns.put(sessionId, new Turn(turn.traceId(), turn.spanId()));
		if (previous != null) {
			turn.addLink(previous.traceId(), previous.spanId(), Map.of("link.type", "previous_turn"));
		}
		List<ChatMessage> history = this.memory.load(sessionId);
		List<String> context = this.knowledge.search(message);
		AgentAnswer answer = this.agent.respond(message, history, context);
		this.memory.save(sessionId, ChatMessage.user(message), ChatMessage.assistant(answer.answer()));
		return answer;
	}

	private record Turn(String traceId, String spanId) {
	}

}
