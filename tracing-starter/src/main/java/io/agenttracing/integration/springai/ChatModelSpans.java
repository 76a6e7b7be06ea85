package io.agenttracing.integration.springai;

import io.agenttracing.internal.semconv.GenAiProviders;

import java.util.List;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.internal.semconv.AgentSemantics;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.observation.AiOperationMetadata;

/**
 * A chat model call as an LLM span: the prompt messages and options as input, the
 * generations with their tool calls as output, model, provider, finish reasons, response
 * id and token counts as attributes.
 */
final class ChatModelSpans implements ObservationSpanMapping<ChatModelObservationContext> {

	@Override
	public Class<ChatModelObservationContext> contextType() {
		return ChatModelObservationContext.class;
	}

	@Override
	public String spanName(ChatModelObservationContext context) {
		String model = requestModel(context);
		String operation = context.getOperationMetadata().operationType();
		return (model != null) ? operation + " " + model : operation;
	}

	@Override
	public SpanKind spanKind(ChatModelObservationContext context) {
		return SpanKind.LLM;
	}

	@Override
	public boolean joinsCurrentModelCall() {
		return true;
	}

	@Override
	public void started(ChatModelObservationContext context, Span span) {
		operation(span, context.getOperationMetadata());
		String model = requestModel(context);
		if (model != null) {
			span.setModel(model);
		}
		ChatOptions options = context.getRequest().getOptions();
		if (options != null) {
			setIfPresent(span, "gen_ai.request.temperature", options.getTemperature());
			setIfPresent(span, "gen_ai.request.max_tokens", options.getMaxTokens());
			setIfPresent(span, "gen_ai.request.top_p", options.getTopP());
			setIfPresent(span, "gen_ai.request.top_k", options.getTopK());
			setIfPresent(span, "gen_ai.request.frequency_penalty", options.getFrequencyPenalty());
			setIfPresent(span, "gen_ai.request.presence_penalty", options.getPresencePenalty());
			List<String> stop = options.getStopSequences();
			if (stop != null && !stop.isEmpty()) {
				span.setAttribute("gen_ai.request.stop_sequences", stop);
			}
		}
		if (context.isStreaming()) {
			span.setAttribute("gen_ai.request.stream", true);
			StreamingModelCalls.started(span);
		}
		span.setInput(SpringAiMessages.prompt(context.getRequest()));
	}

	@Override
	public void stopped(ChatModelObservationContext context, Span span) {
		if (context.isStreaming()) {
			StreamingModelCalls.stopped(span);
		}
		ChatResponse response = context.getResponse();
		if (response == null) {
			return;
		}
		ChatResponseMetadata metadata = response.getMetadata();
		if (metadata != null) {
			setIfPresent(span, AgentSemantics.RESPONSE_MODEL, emptyToNull(metadata.getModel()));
			setIfPresent(span, "gen_ai.response.id", emptyToNull(metadata.getId()));
			usage(span, metadata.getUsage());
		}
		List<String> reasons = SpringAiMessages.finishReasons(response);
		if (!reasons.isEmpty()) {
			span.setAttribute("gen_ai.response.finish_reasons", reasons);
		}
		span.setOutput(SpringAiMessages.response(response));
	}

	static void operation(Span span, AiOperationMetadata operation) {
		span.setAttribute(AgentSemantics.OPERATION_NAME, operation.operationType());
		span.setAttribute(AgentSemantics.PROVIDER_NAME, GenAiProviders.wellKnown(operation.provider()));
	}

	/** Token counts, as the provider reported them. */
	static void usage(Span span, @Nullable Usage usage) {
		if (usage == null) {
			return;
		}
		setIfPresent(span, AgentSemantics.INPUT_TOKENS, usage.getPromptTokens());
		setIfPresent(span, AgentSemantics.OUTPUT_TOKENS, usage.getCompletionTokens());
		setIfPresent(span, "gen_ai.usage.total_tokens", usage.getTotalTokens());
		Long cached = usage.getCacheReadInputTokens();
		if (cached != null && cached > 0) {
			span.setAttribute(Span.CACHED_INPUT_TOKENS_ATTRIBUTE, cached);
		}
	}

	private static @Nullable String requestModel(ChatModelObservationContext context) {
		ChatOptions options = context.getRequest().getOptions();
		return (options != null) ? emptyToNull(options.getModel()) : null;
	}

	static @Nullable String emptyToNull(@Nullable String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	static void setIfPresent(Span span, String key, @Nullable Object value) {
		if (value != null) {
			span.setAttribute(key, value);
		}
	}

}
