package io.agenttracing.integration.springai;

import io.agenttracing.internal.semconv.GenAiProviders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.Tracer;
import io.agenttracing.TraceContext;
import io.agenttracing.internal.semconv.AgentSemantics;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.Advisor;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.memory.ChatMemory;

/**
 * A ChatClient call as the AGENT span of the request: the prompt as input, the answer as
 * output, the advisors in order, and the conversation id as the trace's session. It
 * carries no token counts: its model calls do, and a trace sums those once.
 */
final class ChatClientSpans implements ObservationSpanMapping<ChatClientObservationContext> {

	private final Tracer tracer;

	ChatClientSpans(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public Class<ChatClientObservationContext> contextType() {
		return ChatClientObservationContext.class;
	}

	@Override
	public String spanName(ChatClientObservationContext context) {
		return context.isStream() ? "ChatClient.stream" : "ChatClient.call";
	}

	@Override
	public SpanKind spanKind(ChatClientObservationContext context) {
		return SpanKind.AGENT;
	}

	@Override
	public void started(ChatClientObservationContext context, Span span) {
		span.setAttribute(AgentSemantics.PROVIDER_NAME,
				GenAiProviders.wellKnown(context.getOperationMetadata().provider()));
		span.setAttribute("spring.ai.chat.client.stream", context.isStream());
		List<String> advisors = new ArrayList<>();
		for (Advisor advisor : context.getAdvisors()) {
			if (!(advisor instanceof ToolTracingAdvisor)) {
				advisors.add(advisor.getName());
			}
		}
		if (!advisors.isEmpty()) {
			span.setAttribute("spring.ai.chat.client.advisors", advisors);
		}
		sessionFrom(context.getRequest().context(), span, this.tracer);
		span.setInput(SpringAiMessages.prompt(context.getRequest().prompt()));
	}

	@Override
	public void stopped(ChatClientObservationContext context, Span span) {
		ChatClientResponse response = context.getResponse();
		if (response != null && response.chatResponse() != null) {
			span.setOutput(SpringAiMessages.response(response.chatResponse()));
		}
	}

	/** The conversation id a chat memory advisor keys on becomes the trace's session. */
	static void sessionFrom(Map<String, ? extends @Nullable Object> requestContext, Span span, Tracer tracer) {
		Object conversation = requestContext.get(ChatMemory.CONVERSATION_ID);
		TraceContext trace = tracer.traceOf(span);
		if (conversation != null && trace != null && trace.sessionId() == null) {
			trace.setSessionId(conversation.toString());
		}
	}

}
