package io.agenttracing.integration.springai;

import java.util.Locale;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.Tracer;
import io.agenttracing.internal.semconv.AgentSemantics;

import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;

/**
 * An advisor as a span named after it: MEMORY for chat memory and retrieval advisors
 * (they read what the model is given), INTERNAL for the others.
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
		if (span.kind() == SpanKind.MEMORY) {
			span.setAttribute(AgentSemantics.MEMORY_OPERATION, "read");
		}
		if (context.getChatClientRequest() != null) {
			ChatClientSpans.sessionFrom(context.getChatClientRequest().context(), span, this.tracer);
		}
	}

	@Override
	public void stopped(AdvisorObservationContext context, Span span) {
	}

	static boolean isMemory(String advisorName) {
		String name = advisorName.toLowerCase(Locale.ROOT);
		return name.contains("memory") || name.contains("retrieval") || name.contains("questionanswer")
				|| name.contains("vectorstore") || name.contains("rag");
	}

}
