package io.agenttracing.integration.springai;

import org.springframework.ai.chat.memory.ChatMemory;

import org.springframework.ai.chat.client.ChatClientResponse;

import org.springframework.ai.chat.client.ChatClientRequest;

import java.util.Locale;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.Tracer;
import io.agenttracing.internal.semconv.AgentSemantics;

import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;

/**
 * An advisor as a span named after it: MEMORY for chat memory and retrieval advisors,
 * INTERNAL for the others. A chat memory advisor both loads the conversation's history
 * into the request and saves the new messages, so its operation is {@code read_write},
 * its input the messages it received (and saves) and its output the answer it saves; the
 * history it loaded shows in the input of the model call below it. A retrieval advisor
 * only reads.
 */
final class AdvisorSpans implements ObservationSpanMapping<AdvisorObservationContext> {

	private final Tracer tracer;

	AdvisorSpans(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public Class<AdvisorObservationContext> contextType() {
		return AdvisorObservationContext.class;
	}

	@Override
	public boolean traces(AdvisorObservationContext context) {
		// The starter's own advisor records the tool calls; it is not a step of the
		// agent.
		return !ToolTracingAdvisor.NAME.equals(context.getAdvisorName());
	}

	@Override
	public String spanName(AdvisorObservationContext context) {
		return context.getAdvisorName();
	}

	@Override
	public SpanKind spanKind(AdvisorObservationContext context) {
		return isMemory(context.getAdvisorName()) ? SpanKind.MEMORY : SpanKind.INTERNAL;
	}

	@Override
	public void started(AdvisorObservationContext context, Span span) {
		span.setAttribute("spring.ai.advisor.order", context.getOrder());
		boolean chatMemory = isChatMemory(context.getAdvisorName());
		if (span.kind() == SpanKind.MEMORY) {
			span.setAttribute(AgentSemantics.MEMORY_OPERATION, chatMemory ? "read_write" : "read");
		}
		ChatClientRequest request = context.getChatClientRequest();
		if (request != null) {
			ChatClientSpans.sessionFrom(request.context(), span, this.tracer);
			Object conversation = request.context().get(ChatMemory.CONVERSATION_ID);
			if (chatMemory && conversation != null) {
				span.setAttribute("gen_ai.conversation.id", conversation.toString());
			}
			if (chatMemory) {
				span.setInput(SpringAiMessages.prompt(request.prompt()));
			}
		}
	}

	@Override
	public void stopped(AdvisorObservationContext context, Span span) {
		ChatClientResponse response = context.getChatClientResponse();
		if (isChatMemory(context.getAdvisorName()) && response != null && response.chatResponse() != null) {
			span.setOutput(SpringAiMessages.response(response.chatResponse()));
		}
	}

	static boolean isChatMemory(String advisorName) {
		return advisorName.toLowerCase(Locale.ROOT).contains("memory");
	}

	static boolean isMemory(String advisorName) {
		String name = advisorName.toLowerCase(Locale.ROOT);
		return name.contains("memory") || name.contains("retrieval") || name.contains("questionanswer")
				|| name.contains("vectorstore") || name.contains("rag");
	}

}
