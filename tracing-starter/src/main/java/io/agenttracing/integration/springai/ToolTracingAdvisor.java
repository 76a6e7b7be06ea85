package io.agenttracing.integration.springai;

import java.util.ArrayList;
import java.util.List;

import io.agenttracing.Span;
import io.agenttracing.Tracer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.core.Ordered;

/**
 * The first advisor of every ChatClient built from Spring Boot's
 * {@code ChatClient.Builder}: it hands the request's tools on wrapped in
 * {@link TracedToolCallback}, so a tool call is a TOOL span whoever runs it, and, for a
 * streamed call, records when the first chunk of the call and of each model call came.
 * Spring AI's own tool observations only exist when the tool calling manager was given
 * the application's observation registry, which a {@code ToolCallingAdvisor} or a manager
 * the application builds itself is not.
 */
final class ToolTracingAdvisor implements CallAdvisor, StreamAdvisor {

	static final String NAME = "agentTracingTools";

	private final Tracer tracer;

	ToolTracingAdvisor(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		return chain.nextCall(withTracedTools(request, this.tracer.currentSpan()));
	}

	/**
	 * A streamed call runs its tools on other threads, and its observations live in the
	 * Reactor context rather than on a thread: the tools nest under the call's span.
	 */
	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Flux.deferContextual((context) -> {
			Span parent = TracingObservationHandler
				.spanOf(context.getOrDefault(ObservationThreadLocalAccessor.KEY, (Observation) null));
			Span call = (parent != null) ? parent : this.tracer.currentSpan();
			StreamingModelCalls.Chunks chunks = new StreamingModelCalls.Chunks(call);
			return chain.nextStream(withTracedTools(request, call)).doOnNext((chunk) -> chunks.chunk());
		});
	}

	private ChatClientRequest withTracedTools(ChatClientRequest request, Span parent) {
		try {
			Prompt prompt = request.prompt();
			if (!(prompt.getOptions() instanceof ToolCallingChatOptions options) || options.getToolCallbacks() == null
					|| options.getToolCallbacks().isEmpty()) {
				return request;
			}
			List<ToolCallback> traced = new ArrayList<>(options.getToolCallbacks().size());
			boolean changed = false;
			for (ToolCallback tool : options.getToolCallbacks()) {
				ToolCallback wrapped = TracedToolCallback.wrap(tool, this.tracer, parent);
				changed |= wrapped != tool;
				traced.add(wrapped);
			}
			if (!changed) {
				return request;
			}
			ToolCallingChatOptions tracedOptions = options.mutate().toolCallbacks(traced).build();
			return request.mutate().prompt(prompt.mutate().chatOptions(tracedOptions).build()).build();
		}
		catch (RuntimeException | LinkageError ex) {
			// Tracing must never break the call: the tools run untraced.
			return request;
		}
	}

}
