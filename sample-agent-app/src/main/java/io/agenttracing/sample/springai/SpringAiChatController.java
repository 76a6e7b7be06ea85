package io.agenttracing.sample.springai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agenttracing.Tracing;
import io.agenttracing.sample.web.ChatController.ChatRequest;
import io.agenttracing.sample.web.ChatController.ChatResponse;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat API of the Spring AI agent, in the same shape as the hand-annotated agent's:
 * one message in, the answer and the id of its trace out.
 */
@RestController
@RequestMapping("/api/agent/spring-ai")
class SpringAiChatController {

	private final ChatClient chatClient;

	SpringAiChatController(ChatClient agentChatClient) {
		this.chatClient = agentChatClient;
	}

	@PostMapping("/chat")
	ResponseEntity<ChatResponse> chat(@RequestBody ChatRequest request) {
		if (request == null || !StringUtils.hasText(request.message())) {
			return ResponseEntity.badRequest().build();
		}
		String sessionId = request.sessionOrNew();
		request.describeTrace("spring-ai-agent");
		List<String> toolsUsed = new CopyOnWriteArrayList<>();
		org.springframework.ai.chat.model.ChatResponse response = this.chatClient.prompt()
			.user(request.message())
			.tools(new AgentTools(toolsUsed))
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, sessionId))
			.call()
			.chatResponse();
		String answer = (response != null) ? response.getResult().getOutput().getText() : null;
		String model = (response != null) ? response.getMetadata().getModel() : null;
		return ResponseEntity
			.ok(new ChatResponse(answer, Tracing.currentTraceId(), sessionId, List.copyOf(toolsUsed), model));
	}

}
