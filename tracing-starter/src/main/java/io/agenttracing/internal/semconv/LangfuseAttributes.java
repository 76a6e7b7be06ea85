package io.agenttracing.internal.semconv;

import java.util.LinkedHashMap;
import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanData;
import io.agenttracing.TraceData;
import tools.jackson.databind.json.JsonMapper;

/**
 * Langfuse's own attributes (its OpenTelemetry endpoint's property mapping): the
 * observation's type, level, status message, input and output, model, usage and cost
 * details and prompt; on the root, the trace's name, user, session and tags.
 */
final class LangfuseAttributes {

	private static final JsonMapper json = JsonMapper.builder().build();

	private LangfuseAttributes() {
	}

	static void add(SpanData span, Map<String, Object> attributes) {
		attributes.putIfAbsent("langfuse.observation.type", observationType(span));
		attributes.putIfAbsent("langfuse.observation.level", level(span.effectiveLevel()));
		if (span.error() != null && span.error().message() != null) {
			attributes.putIfAbsent("langfuse.observation.status_message", span.error().message());
		}
		if (span.input() != null) {
			attributes.putIfAbsent("langfuse.observation.input", span.input());
		}
		if (span.output() != null) {
			attributes.putIfAbsent("langfuse.observation.output", span.output());
		}
		Object model = span.attribute(AgentSemantics.RESPONSE_MODEL);
		model = (model != null) ? model : span.attribute(AgentSemantics.REQUEST_MODEL);
		if (model != null) {
			attributes.putIfAbsent("langfuse.observation.model.name", model);
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		span.attributes().forEach((key, value) -> {
			if (key.startsWith("gen_ai.request.") && !key.equals(AgentSemantics.REQUEST_MODEL)) {
				parameters.put(key.substring("gen_ai.request.".length()), value);
			}
		});
		putJson(attributes, "langfuse.observation.model.parameters", parameters);
		Map<String, Object> usage = new LinkedHashMap<>();
		Long input = AgentSemantics.asLong(span.attribute(AgentSemantics.INPUT_TOKENS));
		Long output = AgentSemantics.asLong(span.attribute(AgentSemantics.OUTPUT_TOKENS));
		if (input != null) {
			usage.put("input", input);
		}
		if (output != null) {
			usage.put("output", output);
		}
		Long cached = AgentSemantics.asLong(span.attribute(Span.CACHED_INPUT_TOKENS_ATTRIBUTE));
		if (cached != null) {
			usage.put("input_cache_read", cached);
		}
		putJson(attributes, "langfuse.observation.usage_details", usage);
		Object cost = AgentSemantics.cost(span);
		if (cost != null) {
			putJson(attributes, "langfuse.observation.cost_details", Map.of("total", cost));
		}
		Object prompt = span.attribute(Span.PROMPT_NAME_ATTRIBUTE);
		if (prompt != null) {
			attributes.putIfAbsent("langfuse.observation.prompt.name", prompt);
			Object version = span.attribute(Span.PROMPT_VERSION_ATTRIBUTE);
			if (version != null) {
				attributes.putIfAbsent("langfuse.observation.prompt.version", version);
			}
		}
	}

	/** What the trace says of itself, on its root span, where Langfuse reads it. */
	static void addTrace(SpanData span, TraceData trace, Map<String, Object> attributes) {
		if (span.parentId() != null) {
			return;
		}
		if (trace.name() != null) {
			attributes.putIfAbsent("langfuse.trace.name", trace.name());
		}
		String user = AgentSemantics.userId(trace);
		if (user != null) {
			attributes.putIfAbsent("langfuse.user.id", user);
		}
		if (trace.sessionId() != null) {
			attributes.putIfAbsent("langfuse.session.id", trace.sessionId());
		}
		if (!trace.tags().isEmpty()) {
			attributes.putIfAbsent("langfuse.trace.tags", trace.tags());
		}
	}

	private static String observationType(SpanData span) {
		if (span.attribute(Evaluations.EVALUATION_NAME) != null) {
			return "evaluator";
		}
		return switch (span.kind()) {
			case LLM -> "generation";
			case TOOL -> "tool";
			case AGENT -> "agent";
			case WORKFLOW -> "chain";
			case MEMORY -> AgentSemantics.openInferenceKind(span).equals("RETRIEVER") ? "retriever" : "span";
			default -> "span";
		};
	}

	/** Langfuse's levels: DEBUG, DEFAULT, WARNING, ERROR. */
	private static String level(Span.Level level) {
		return (level == Span.Level.INFO) ? "DEFAULT" : level.name();
	}

	private static void putJson(Map<String, Object> attributes, String key, Map<String, Object> value) {
		if (!value.isEmpty()) {
			attributes.putIfAbsent(key, json.writeValueAsString(value));
		}
	}

}
