package io.agenttracing.sample.llm;

import java.time.Duration;
import java.util.List;

import io.agenttracing.SpanKind;
import io.agenttracing.Tracing;
import io.agenttracing.annotation.Traced;
import io.agenttracing.sample.agent.ResearchAgent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A deterministic stand-in for an LLM, so the sample runs offline: it asks for the
 * calculator when the message holds arithmetic, for the weather tool when it asks about
 * the weather somewhere, and answers from the tool results or the retrieved context. It
 * reports a model name and token counts like a real model.
 */
@Component
@ConditionalOnProperty(name = "sample.llm.provider", havingValue = "simulated", matchIfMissing = true)
public class SimulatedLlmClient implements LlmClient {

	public static final String MODEL = "sim-reasoner-1";

	private final Duration latency;

	public SimulatedLlmClient(@Value("${sample.llm.simulated-latency:15ms}") Duration latency) {
		this.latency = latency;
	}

	@Override
	@Traced(kind = SpanKind.LLM)
	public LlmResponse complete(List<ChatMessage> messages, List<ToolSpec> tools) {
		think();
		LlmResponse response = SimulatedReasoner.reply(messages, tools.stream().map(ToolSpec::name).toList(), MODEL);
		Tracing.currentSpan()
			.setPrompt(ResearchAgent.PROMPT_NAME, ResearchAgent.PROMPT_VERSION)
			.setModel(MODEL)
			.setTokenUsage(response.inputTokens(), response.outputTokens())
			.setAttribute("gen_ai.provider.name", "simulated");
		return response;
	}

	private void think() {
		try {
			Thread.sleep(this.latency.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
