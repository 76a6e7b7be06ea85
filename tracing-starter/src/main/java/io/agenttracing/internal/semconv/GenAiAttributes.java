package io.agenttracing.internal.semconv;

import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanData;

/**
 * The OpenTelemetry GenAI conventions (semantic conventions 1.38, the GenAI spans, agent
 * spans and events pages, status Development) for a span: the operation, the agent,
 * workflow or tool it names, the conversation, and its content in the conventions'
 * message form. The span's own {@code gen_ai.*} attributes, set by the integrations, win.
 */
final class GenAiAttributes {

	private GenAiAttributes() {
	}

	static void add(SpanData span, Map<String, Object> attributes) {
		String operation = AgentSemantics.operationName(span);
		if (operation != null) {
			attributes.putIfAbsent(AgentSemantics.OPERATION_NAME, operation);
		}
		if (span.sessionId() != null) {
			attributes.putIfAbsent("gen_ai.conversation.id", span.sessionId());
		}
		Object cacheRead = span.attribute(Span.CACHED_INPUT_TOKENS_ATTRIBUTE);
		if (cacheRead != null) {
			attributes.putIfAbsent("gen_ai.usage.cache_read.input_tokens", cacheRead);
		}
		switch (span.kind()) {
			case LLM -> GenAiContent.addMessages(span, attributes);
			case AGENT -> {
				attributes.putIfAbsent("gen_ai.agent.name", agentName(span));
				GenAiContent.addMessages(span, attributes);
			}
			case WORKFLOW -> attributes.putIfAbsent("gen_ai.workflow.name", span.name());
			case TOOL -> {
				attributes.putIfAbsent("gen_ai.tool.name", span.name());
				attributes.putIfAbsent("gen_ai.tool.type", "function");
				if (span.input() != null) {
					attributes.putIfAbsent("gen_ai.tool.call.arguments", span.input());
				}
				if (span.output() != null) {
					attributes.putIfAbsent("gen_ai.tool.call.result", span.output());
				}
			}
			default -> {
			}
		}
	}

	/**
	 * An agent is named by its class: {@code TravelAgent.plan} is agent
	 * {@code TravelAgent}.
	 */
	private static String agentName(SpanData span) {
		String name = span.name();
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

}
