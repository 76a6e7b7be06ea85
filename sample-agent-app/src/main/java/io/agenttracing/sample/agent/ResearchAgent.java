package io.agenttracing.sample.agent;

import java.util.ArrayList;
import java.util.List;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.Tracing;
import io.agenttracing.annotation.Traced;
import io.agenttracing.sample.llm.ChatMessage;
import io.agenttracing.sample.llm.LlmClient;
import io.agenttracing.sample.llm.LlmResponse;
import io.agenttracing.sample.llm.ToolCall;
import io.agenttracing.sample.tools.ToolExecutor;

import org.springframework.stereotype.Component;

/**
 * The agent loop: ask the model, run the tools it asks for, feed their results back,
 * until the model answers or the step budget runs out.
 */
@Component
public class ResearchAgent {

	static final int MAX_STEPS = 4;

	private final LlmClient llm;

	private final ToolExecutor tools;

	public ResearchAgent(LlmClient llm, ToolExecutor tools) {
		this.llm = llm;
		this.tools = tools;
	}

	/** The system prompt's name and version, recorded on each model call. */
	public static final String PROMPT_NAME = "research-agent-system";

	public static final String PROMPT_VERSION = "2";

	@Traced(kind = SpanKind.AGENT, attributes = "gen_ai.agent.name=research-agent")
	public AgentAnswer respond(String message, List<ChatMessage> history, List<String> context) {
		List<ChatMessage> messages = new ArrayList<>();
		messages.add(ChatMessage.system("You are a helpful research agent. Use tools when they help.\nContext:\n"
				+ String.join("\n", context.stream().map((snippet) -> "- " + snippet).toList())));
		messages.addAll(history);
		messages.add(ChatMessage.user(message));
		List<String> used = new ArrayList<>();
		String model = "unknown";
		for (int step = 1; step <= MAX_STEPS; step++) {
			Tracing.currentSpan().addEvent("step-" + step);
			LlmResponse response = this.llm.complete(messages, this.tools.specs());
			model = response.model();
			if (!response.wantsTools()) {
				return new AgentAnswer(response.content(), used, model);
			}
			messages.add(ChatMessage.assistant(response.toolCalls()));
			for (ToolCall call : response.toolCalls()) {
				used.add(call.name());
				messages.add(ChatMessage.tool(call.id(), this.tools.execute(call)));
			}
		}
		// The agent answered, but not as asked: a warning, which Langfuse and the viewer
		// show.
		Tracing.currentSpan().addEvent("step-budget-exhausted").setLevel(Span.Level.WARNING);
		return new AgentAnswer("I could not finish within " + MAX_STEPS + " steps.", used, model);
	}

}
