package io.agenttracing.sample.web;

import java.util.List;
import java.util.UUID;

import io.agenttracing.Tracing;
import io.agenttracing.sample.agent.AgentAnswer;
import io.agenttracing.sample.agent.ChatWorkflow;

import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat API: one message in, the agent's answer and the id of its trace out.
 */
@RestController
@RequestMapping("/api/agent")
public class ChatController {

	private final ChatWorkflow workflow;

	public ChatController(ChatWorkflow workflow) {
		this.workflow = workflow;
	}

	@PostMapping("/chat")
	public ResponseEntity<ChatResponse> chat(@RequestBody ChatRequest request) {
		if (request == null || !StringUtils.hasText(request.message())) {
			return ResponseEntity.badRequest().build();
		}
		String sessionId = request.sessionOrNew();
		request.describeTrace("annotated-agent");
		AgentAnswer answer = this.workflow.handle(sessionId, request.message());
		return ResponseEntity.ok(new ChatResponse(answer.answer(), Tracing.currentTraceId(), sessionId,
				answer.toolsUsed(), answer.model()));
	}

	/** A chat message from the user; the session and user ids are optional. */
	public record ChatRequest(String sessionId, String message, String userId) {

		/** The session the message belongs to, or a new one. */
		public String sessionOrNew() {
			return StringUtils.hasText(this.sessionId) ? this.sessionId : UUID.randomUUID().toString();
		}

		/** Tells the current trace whom it serves and which agent answers. */
		public void describeTrace(String agent) {
			if (StringUtils.hasText(this.userId)) {
				Tracing.setUserId(this.userId);
			}
			Tracing.addTags(agent);
		}

	}

	/** The agent's answer, with the trace that shows how it got there. */
	public record ChatResponse(String answer, String traceId, String sessionId, List<String> toolsUsed, String model) {

	}

}
