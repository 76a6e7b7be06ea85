package io.agenttracing.internal.langchain4j;

import dev.langchain4j.observability.api.listener.AiServiceRequestIssuedListener;
import dev.langchain4j.service.AiServiceContext;
import dev.langchain4j.spi.services.AiServiceContextFactory;

/**
 * LangChain4j's service-loader hook for the context of every AI service: LangChain4j's
 * own context, with the AGENT span listeners registered and a {@link TracedToolService}
 * that records each tool execution. So an AI service is traced however it was built (by
 * LangChain4j's Spring Boot starter for an {@code @AiService} interface, or by hand with
 * {@code AiServices}), with nothing to configure. Until the application's tracer starts,
 * nothing is recorded.
 */
public final class TracingAiServiceContextFactory implements AiServiceContextFactory {

	@Override
	public AiServiceContext create(Class<?> aiServiceClass) {
		AiServiceContext context = new AiServiceContext(aiServiceClass) {
		};
		AiServiceSpans spans = AiServiceSpans.shared();
		context.eventListenerRegistrar.register(spans.started(), spans.completed(), spans.failed(),
				spans.toolExecuted(), spans.requestIssued());
		context.toolService = new TracedToolService(spans);
		// LangChain4j reads the streaming model from the context for every call: timed
		// there, each streamed call knows its time to first chunk.
		context.eventListenerRegistrar
			.register((AiServiceRequestIssuedListener) (event) -> AiServiceSpans.safely(() -> {
				if (context.streamingChatModel != null) {
					context.streamingChatModel = FirstChunkTiming.timed(context.streamingChatModel);
				}
			}));
		return context;
	}

}
