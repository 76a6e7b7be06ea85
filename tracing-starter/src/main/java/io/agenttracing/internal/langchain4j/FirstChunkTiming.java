package io.agenttracing.internal.langchain4j;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.agenttracing.Span;
import org.jspecify.annotations.Nullable;

/**
 * Time to first chunk of an AI service's streamed model calls. LangChain4j's model
 * listeners see no partial response, so the service's streaming model is wrapped (in its
 * context, where LangChain4j reads it for every call): the wrapper hands the model a
 * handler that notes the first chunk, and the model's listener, called on the same thread
 * before the model sends its request, tells the wrapper which LLM span the call is.
 */
public final class FirstChunkTiming {

	/** Time to first chunk in seconds, as the GenAI conventions name it. */
	static final String TIME_TO_FIRST_CHUNK = "gen_ai.response.time_to_first_chunk";

	private static final ThreadLocal<Call> starting = new ThreadLocal<>();

	private FirstChunkTiming() {
	}

	/** The streaming model, timed; a model already timed is returned as it is. */
	static StreamingChatModel timed(StreamingChatModel model) {
		return (model instanceof TimedModel) ? model : new TimedModel(model);
	}

	/** The LLM span of the streamed call this thread is starting, if one is timed. */
	public static void claim(Span span) {
		Call call = starting.get();
		if (call != null) {
			call.span = span;
		}
	}

	private static final class Call {

		volatile @Nullable Span span;

		private final AtomicBoolean seen = new AtomicBoolean();

		void chunk() {
			Span span = this.span;
			if (span != null && !this.seen.get() && this.seen.compareAndSet(false, true)) {
				AiServiceSpans.safely(() -> {
					if (!span.isEnded()) {
						span.setAttribute(TIME_TO_FIRST_CHUNK, span.duration().toNanos() / 1e9);
					}
				});
			}
		}

	}

	private record TimedModel(StreamingChatModel delegate) implements StreamingChatModel {

		@Override
		public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
			Call call = new Call();
			starting.set(call);
			try {
				this.delegate.chat(request, new TimedHandler(handler, call));
			}
			finally {
				starting.remove();
			}
		}

		@Override
		public void chat(ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
			Call call = new Call();
			starting.set(call);
			try {
				this.delegate.chat(request, options, new TimedHandler(handler, call));
			}
			finally {
				starting.remove();
			}
		}

		@Override
		public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
			this.delegate.doChat(request, handler);
		}

		@Override
		public ChatRequestParameters defaultRequestParameters() {
			return this.delegate.defaultRequestParameters();
		}

		@Override
		public List<ChatModelListener> listeners() {
			return this.delegate.listeners();
		}

		@Override
		public ModelProvider provider() {
			return this.delegate.provider();
		}

		@Override
		public Set<Capability> supportedCapabilities() {
			return this.delegate.supportedCapabilities();
		}

	}

	private record TimedHandler(StreamingChatResponseHandler delegate,
			Call call) implements StreamingChatResponseHandler {

		@Override
		public void onPartialResponse(String partialResponse) {
			this.call.chunk();
			this.delegate.onPartialResponse(partialResponse);
		}

		@Override
		public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
			this.call.chunk();
			this.delegate.onPartialResponse(partialResponse, context);
		}

		@Override
		public void onPartialThinking(PartialThinking partialThinking) {
			this.call.chunk();
			this.delegate.onPartialThinking(partialThinking);
		}

		@Override
		public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
			this.call.chunk();
			this.delegate.onPartialThinking(partialThinking, context);
		}

		@Override
		public void onPartialToolCall(PartialToolCall partialToolCall) {
			this.call.chunk();
			this.delegate.onPartialToolCall(partialToolCall);
		}

		@Override
		public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
			this.call.chunk();
			this.delegate.onPartialToolCall(partialToolCall, context);
		}

		@Override
		public void onCompleteToolCall(CompleteToolCall completeToolCall) {
			this.call.chunk();
			this.delegate.onCompleteToolCall(completeToolCall);
		}

		@Override
		public void onUnmappedRawEvent(Object event) {
			this.delegate.onUnmappedRawEvent(event);
		}

		@Override
		public void onCompleteResponse(ChatResponse completeResponse) {
			this.delegate.onCompleteResponse(completeResponse);
		}

		@Override
		public void onError(Throwable error) {
			this.delegate.onError(error);
		}

	}

}
