package io.agenttracing.integration.langchain4j;

import io.agenttracing.internal.semconv.GenAiProviders;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanScope;
import io.agenttracing.Tracer;
import io.agenttracing.internal.langchain4j.AiServiceSpans;
import io.agenttracing.internal.langchain4j.FirstChunkTiming;
import io.agenttracing.internal.langchain4j.LangChain4jMessages;
import io.agenttracing.internal.semconv.AgentSemantics;
import org.jspecify.annotations.Nullable;

/**
 * Makes each call of a LangChain4j chat model an LLM span: the request's messages and
 * parameters as input, the answer with its tool calls as output, model, provider, finish
 * reason, response id and tokens as attributes. The span travels in the listener's
 * attributes map from request to response, so a streamed answer that completes on another
 * thread ends the right span. Inside a {@code @Traced(kind = LLM)} method the call
 * records into the method's span rather than opening a second one.
 */
final class TracingChatModelListener implements ChatModelListener {

	private static final String SPAN = TracingChatModelListener.class.getName() + ".span";

	private static final String OWNED = TracingChatModelListener.class.getName() + ".owned";

	private static final String SCOPE = TracingChatModelListener.class.getName() + ".scope";

	private static final StackWalker stack = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	private final Supplier<Tracer> tracer;

	TracingChatModelListener(Supplier<Tracer> tracer) {
		this.tracer = tracer;
	}

	@Override
	public void onRequest(ChatModelRequestContext context) {
		safely(() -> {
			Tracer tracer = this.tracer.get();
			Span current = io.agenttracing.Tracing.currentSpan();
			boolean joined = current.kind() == SpanKind.LLM && current.isRecording() && !current.isEnded();
			ChatRequest request = context.chatRequest();
			Span invocation = AiServiceSpans.takeModelCallParent();
			Span span = joined ? current : tracer.startSpan(spanName(request), SpanKind.LLM, invocation);
			if (!span.isRecording()) {
				return;
			}
			context.attributes().put(SPAN, span);
			context.attributes().put(OWNED, !joined);
			boolean streaming = streaming();
			if (streaming) {
				span.setAttribute("gen_ai.request.stream", true);
				FirstChunkTiming.claim(span);
			}
			if (!joined && !streaming) {
				// A blocking call answers on this thread: the span is current meanwhile,
				// so the
				// HTTP call the model makes nests under it.
				context.attributes().put(SCOPE, new ThreadScope(tracer.makeCurrent(span), Thread.currentThread()));
			}
			span.setAttribute(AgentSemantics.OPERATION_NAME, "chat");
			if (context.modelProvider() != null) {
				span.setAttribute(AgentSemantics.PROVIDER_NAME,
						GenAiProviders.wellKnown(context.modelProvider().name()));
			}
			if (request.modelName() != null) {
				span.setModel(request.modelName());
			}
			setIfPresent(span, "gen_ai.request.temperature", request.temperature());
			setIfPresent(span, "gen_ai.request.max_tokens", request.maxOutputTokens());
			setIfPresent(span, "gen_ai.request.top_p", request.topP());
			setIfPresent(span, "gen_ai.request.top_k", request.topK());
			setIfPresent(span, "gen_ai.request.frequency_penalty", request.frequencyPenalty());
			setIfPresent(span, "gen_ai.request.presence_penalty", request.presencePenalty());
			if (request.stopSequences() != null && !request.stopSequences().isEmpty()) {
				span.setAttribute("gen_ai.request.stop_sequences", request.stopSequences());
			}
			span.setInput(LangChain4jMessages.request(request));
		});
	}

	@Override
	public void onResponse(ChatModelResponseContext context) {
		safely(() -> {
			Span span = spanOf(context.attributes());
			if (span == null) {
				return;
			}
			ChatResponse response = context.chatResponse();
			setIfPresent(span, AgentSemantics.RESPONSE_MODEL, response.modelName());
			setIfPresent(span, "gen_ai.response.id", response.id());
			String provider = providerOf(context.modelProvider());
			String finishReason = FinishReasons.asSent(response.finishReason(), provider);
			if (finishReason != null) {
				span.setAttribute("gen_ai.response.finish_reasons", List.of(finishReason));
			}
			TokenUsage usage = response.tokenUsage();
			if (usage != null) {
				setIfPresent(span, AgentSemantics.INPUT_TOKENS, usage.inputTokenCount());
				setIfPresent(span, AgentSemantics.OUTPUT_TOKENS, usage.outputTokenCount());
				setIfPresent(span, "gen_ai.usage.total_tokens", usage.totalTokenCount());
			}
			Map<String, Object> message = LangChain4jMessages.message(response.aiMessage());
			if (finishReason != null) {
				message.put("finishReason", finishReason);
			}
			span.setOutput(Map.of("messages", List.of(message)));
			end(span, context.attributes());
		});
	}

	@Override
	public void onError(ChatModelErrorContext context) {
		safely(() -> {
			Span span = spanOf(context.attributes());
			if (span != null) {
				span.setError(context.error());
				end(span, context.attributes());
			}
		});
	}

	private static @Nullable String providerOf(@Nullable ModelProvider provider) {
		return (provider != null) ? GenAiProviders.wellKnown(provider.name()) : null;
	}

	private static String spanName(ChatRequest request) {
		return (request.modelName() != null) ? "chat " + request.modelName() : "chat";
	}

	private static @Nullable Span spanOf(Map<Object, Object> attributes) {
		return (attributes.get(SPAN) instanceof Span span) ? span : null;
	}

	private static void end(Span span, Map<Object, Object> attributes) {
		if (attributes.remove(SCOPE) instanceof ThreadScope scope && scope.thread == Thread.currentThread()) {
			scope.scope.close();
		}
		if (Boolean.TRUE.equals(attributes.get(OWNED))) {
			span.close();
		}
	}

	private static void setIfPresent(Span span, String key, @Nullable Object value) {
		if (value != null) {
			span.setAttribute(key, value);
		}
	}

	/**
	 * Whether a streaming model makes this call: its answer arrives on another thread, so
	 * its span must not be current on this one. The listener is called from within the
	 * model's own {@code chat} method, a few frames up.
	 */
	private static boolean streaming() {
		return stack.walk((frames) -> frames.limit(12)
			.anyMatch((frame) -> StreamingChatModel.class.isAssignableFrom(frame.getDeclaringClass())));
	}

	private record ThreadScope(SpanScope scope, Thread thread) {
	}

	/** Tracing must never break the model call. */
	static void safely(Runnable recording) {
		AiServiceSpans.safely(recording);
	}

}
