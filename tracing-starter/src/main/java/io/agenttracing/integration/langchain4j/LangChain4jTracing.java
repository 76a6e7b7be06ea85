package io.agenttracing.integration.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.service.AiServices;
import io.agenttracing.Tracing;
import io.agenttracing.internal.langchain4j.AiServiceSpans;

/**
 * Traces LangChain4j. Register the listener on a model built by hand: <pre>{@code
 * OpenAiChatModel.builder()...listeners(List.of(LangChain4jTracing.chatModelListener())).build();
 * }</pre> and trace an AI service, its model calls and its tools: <pre>{@code
 * Assistant assistant = LangChain4jTracing.traced(AiServices.builder(Assistant.class))
 *     .chatModel(model).tools(new WeatherTools()).build();
 * }</pre> Both record with the application's tracer ({@link Tracing#tracer()}), so they
 * can be created before it starts.
 */
public final class LangChain4jTracing {

	private LangChain4jTracing() {
	}

	/** A listener that makes each call of a chat model an LLM span. */
	public static ChatModelListener chatModelListener() {
		return new TracingChatModelListener(Tracing::tracer);
	}

	/**
	 * Registers on {@code aiServices} the listeners that make each invocation an AGENT
	 * span and each tool execution a TOOL span, and returns it.
	 */
	public static <T> AiServices<T> traced(AiServices<T> aiServices) {
		AiServiceSpans spans = AiServiceSpans.shared();
		return aiServices.registerListeners(spans.started(), spans.completed(), spans.failed())
			.beforeToolExecution(spans::beforeTool)
			.afterToolExecution(spans::afterTool);
	}

}
