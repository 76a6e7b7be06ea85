package io.agenttracing.internal.semconv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.agenttracing.Span;
import io.agenttracing.Signal;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import org.jspecify.annotations.Nullable;

/**
 * Translates a span into the attributes the AI-observability backends read: OpenInference
 * (Phoenix, Langfuse) and the OpenTelemetry GenAI conventions (Jaeger, Tempo, Langfuse),
 * on top of the span's own attributes. Shared by every exporter that leaves the process,
 * so all of them describe a span the same way.
 */
public final class AgentSemantics {

	/** Set on the spans of a trace exported before its root ended. */
	public static final String INCOMPLETE = "agent.tracing.incomplete";

	public static final String OPENINFERENCE_SPAN_KIND = "openinference.span.kind";

	public static final String OPERATION_NAME = "gen_ai.operation.name";

	public static final String PROVIDER_NAME = "gen_ai.provider.name";

	public static final String REQUEST_MODEL = "gen_ai.request.model";

	public static final String RESPONSE_MODEL = "gen_ai.response.model";

	public static final String INPUT_TOKENS = "gen_ai.usage.input_tokens";

	public static final String OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

	public static final String ERROR_TYPE = "error.type";

	/** The level of a span that is not INFO. */
	public static final String LEVEL = "agent.tracing.level";

	/**
	 * Attribute a MEMORY span may set to say whether it reads ("read"), writes ("write")
	 * or both ("read_write", a chat memory that loads history and saves the new turn).
	 */
	public static final String MEMORY_OPERATION = "memory.operation";

	/**
	 * Attribute a MEMORY span may set to {@code true} when the store is outside the
	 * process.
	 */
	public static final String MEMORY_REMOTE = "memory.remote";

	private static final Set<String> COST_SIGNALS = Set.of("cost", "cost_usd", "llm.cost.total", "total_cost");

	private static final List<String> READ_VERBS = List.of("load", "get", "read", "search", "retrieve", "fetch", "find",
			"query", "recall", "lookup");

	private AgentSemantics() {
	}

	/**
	 * The attributes of a span of {@code trace} for a backend, with the trace's user,
	 * session name and tags, in the convention families chosen.
	 */
	public static Map<String, Object> attributes(SpanData span, TraceData trace, Families families) {
		Map<String, Object> attributes = attributes(span, userId(trace), trace.incomplete(), families);
		if (trace.sessionName() != null) {
			attributes.putIfAbsent(io.agenttracing.TraceContext.SESSION_NAME_KEY, trace.sessionName());
		}
		if (!trace.tags().isEmpty()) {
			List<String> tags = new ArrayList<>(trace.tags());
			if (attributes.get("tag.tags") instanceof List<?> spanTags) {
				spanTags.stream().map(String::valueOf).filter((tag) -> !tags.contains(tag)).forEach(tags::add);
			}
			attributes.put("tag.tags", tags);
		}
		if (families.langfuse()) {
			LangfuseAttributes.addTrace(span, trace, attributes);
		}
		return attributes;
	}

	/**
	 * The attributes of a span for a backend; a span of an incomplete trace (exported at
	 * {@code limits.max-trace-duration}, root still running) says so in
	 * {@value #INCOMPLETE}. Content (input and output) is written once per family.
	 */
	public static Map<String, Object> attributes(SpanData span, @Nullable String userId, boolean incompleteTrace,
			Families families) {
		Map<String, Object> attributes = new LinkedHashMap<>(span.attributes());
		if (incompleteTrace) {
			attributes.put(INCOMPLETE, true);
		}
		if (span.effectiveLevel() != Span.Level.INFO) {
			attributes.putIfAbsent(LEVEL, span.effectiveLevel().name());
		}
		for (Signal signal : span.signals()) {
			attributes.putIfAbsent(signal.name(), signal.value());
		}
		if (span.sessionId() != null) {
			attributes.putIfAbsent("session.id", span.sessionId());
		}
		if (userId != null) {
			attributes.putIfAbsent("user.id", userId);
		}
		if (!span.tags().isEmpty()) {
			List<String> tags = new ArrayList<>();
			span.tags().forEach((key, value) -> tags.add(value.isEmpty() ? key : key + ":" + value));
			attributes.putIfAbsent("tag.tags", tags);
			span.tags().forEach((key, value) -> attributes.putIfAbsent("tag." + key, value));
		}
		if (span.status() == SpanStatus.ERROR && span.error() != null) {
			attributes.putIfAbsent(ERROR_TYPE, span.error().type());
		}
		if (families.genAi()) {
			GenAiAttributes.add(span, attributes);
		}
		if (families.openInference()) {
			addOpenInference(span, attributes);
		}
		if (families.langfuse()) {
			LangfuseAttributes.add(span, attributes);
		}
		return attributes;
	}

	private static void addOpenInference(SpanData span, Map<String, Object> attributes) {
		attributes.putIfAbsent(OPENINFERENCE_SPAN_KIND, openInferenceKind(span));
		if (span.input() != null) {
			attributes.put("input.value", span.input());
			attributes.put("input.mime_type", "application/json");
		}
		if (span.output() != null) {
			attributes.put("output.value", span.output());
			attributes.put("output.mime_type", "application/json");
		}
		Object model = span.attribute(REQUEST_MODEL);
		Object responseModel = span.attribute(RESPONSE_MODEL);
		if (responseModel != null || model != null) {
			attributes.putIfAbsent("llm.model_name", (responseModel != null) ? responseModel : model);
		}
		Object provider = span.attribute(PROVIDER_NAME);
		if (provider != null) {
			attributes.putIfAbsent("llm.provider", provider);
		}
		Long input = asLong(span.attribute(INPUT_TOKENS));
		Long output = asLong(span.attribute(OUTPUT_TOKENS));
		if (input != null) {
			attributes.putIfAbsent("llm.token_count.prompt", input);
		}
		if (output != null) {
			attributes.putIfAbsent("llm.token_count.completion", output);
		}
		if (input != null || output != null) {
			attributes.putIfAbsent("llm.token_count.total",
					((input != null) ? input : 0) + ((output != null) ? output : 0));
		}
		Object cost = cost(span);
		if (cost != null) {
			attributes.putIfAbsent("llm.cost.total", cost);
		}
		Object promptVersion = span.attribute(io.agenttracing.Span.PROMPT_VERSION_ATTRIBUTE);
		if (promptVersion != null) {
			attributes.putIfAbsent("llm.prompt_template.version", promptVersion);
		}
	}

	/**
	 * The span's cost in US dollars: a cost signal the application recorded, else the
	 * cost attribute (set or computed from the price table), if any.
	 */
	static @Nullable Object cost(SpanData span) {
		for (Signal signal : span.signals()) {
			if (COST_SIGNALS.contains(signal.name().toLowerCase(Locale.ROOT))) {
				return signal.value();
			}
		}
		return span.attribute(io.agenttracing.Span.COST_ATTRIBUTE);
	}

	/**
	 * The user of a trace: the one set on the trace, else the first {@code user.id}
	 * attribute of any of its spans.
	 */
	public static @Nullable String userId(TraceData trace) {
		if (trace.userId() != null) {
			return trace.userId();
		}
		for (SpanData span : trace.spans()) {
			Object user = span.attribute("user.id");
			if (user != null) {
				return user.toString();
			}
		}
		return null;
	}

	/** OpenInference span kind: LLM, TOOL, AGENT, CHAIN or RETRIEVER. */
	public static String openInferenceKind(SpanData span) {
		return switch (span.kind()) {
			case LLM -> "LLM";
			case TOOL -> "TOOL";
			case AGENT -> "AGENT";
			case MEMORY -> isMemoryRead(span) ? "RETRIEVER" : "CHAIN";
			default -> "CHAIN";
		};
	}

	/** GenAI operation name, or {@code null} for kinds the conventions do not name. */
	public static @Nullable String operationName(SpanData span) {
		Object explicit = span.attribute(OPERATION_NAME);
		if (explicit != null) {
			return explicit.toString();
		}
		return switch (span.kind()) {
			case LLM -> "chat";
			case TOOL -> "execute_tool";
			case AGENT -> "invoke_agent";
			case WORKFLOW -> "invoke_workflow";
			default -> null;
		};
	}

	/** Whether the span is a call out of the process (OpenTelemetry span kind CLIENT). */
	public static boolean isClient(SpanData span) {
		return span.kind() == SpanKind.LLM || span.kind() == SpanKind.NETWORK || (span.kind() == SpanKind.MEMORY
				&& Boolean.parseBoolean(String.valueOf(span.attribute(MEMORY_REMOTE))));
	}

	private static boolean isMemoryRead(SpanData span) {
		Object operation = span.attribute(MEMORY_OPERATION);
		if (operation != null) {
			return "read".equalsIgnoreCase(operation.toString());
		}
		String method = span.name().substring(span.name().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		return READ_VERBS.stream().anyMatch(method::startsWith);
	}

	static @Nullable Long asLong(@Nullable Object value) {
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value != null) {
			try {
				return Long.parseLong(value.toString());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
