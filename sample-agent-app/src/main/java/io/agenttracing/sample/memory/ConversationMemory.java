package io.agenttracing.sample.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.agenttracing.SpanKind;
import io.agenttracing.annotation.Traced;
import io.agenttracing.sample.llm.ChatMessage;

import org.springframework.stereotype.Component;

/**
 * Conversation history per session, kept in memory and bounded to the last turns.
 */
@Component
@Traced(kind = SpanKind.MEMORY)
public class ConversationMemory {

	static final int MAX_MESSAGES = 20;

	private final Map<String, List<ChatMessage>> sessions = new ConcurrentHashMap<>();

	public List<ChatMessage> load(String sessionId) {
		List<ChatMessage> history = this.sessions.get(sessionId);
		if (history == null) {
			return List.of();
		}
		synchronized (history) {
			return List.copyOf(history);
		}
	}

	public void save(String sessionId, ChatMessage question, ChatMessage answer) {
		List<ChatMessage> history = this.sessions.computeIfAbsent(sessionId, (id) -> new ArrayList<>());
		synchronized (history) {
			history.add(question);
			history.add(answer);
			while (history.size() > MAX_MESSAGES) {
				history.remove(0);
			}
		}
	}

}
