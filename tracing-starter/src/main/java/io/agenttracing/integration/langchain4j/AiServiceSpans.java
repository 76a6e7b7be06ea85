package io.agenttracing.integration.langchain4j;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.observability.api.event.AiServiceErrorEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanScope;
import io.agenttracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * The spans of AI service invocations: an AGENT span per invocation, current on the
 * calling thread while it runs (so its model calls and {@code @Traced} methods nest in
 * it), and a TOOL span per tool execution with its real start and end.
 */
final class AiServiceSpans {

	/** Open invocations; an invocation that never completes is dropped at this many. */
	private static final int MAX_OPEN = 10_000;

	private final Supplier<Tracer> tracer;

	private final Map<UUID, Invocation> open = new ConcurrentHashMap<>();

	AiServiceSpans(Supplier<Tracer> tracer) {
		this.tracer = tracer;
	}

	AiServiceStartedListener started() {
		return (event) -> TracingChatModelListener.safely(() -> start(event));
	}

	AiServiceCompletedListener completed() {
		return (event) -> TracingChatModelListener.safely(() -> complete(event));
	}

	AiServiceErrorListener failed() {
		return (event) -> TracingChatModelListener.safely(() -> fail(event));
	}

	void beforeTool(BeforeToolExecution execution) {
		TracingChatModelListener.safely(() -> {
			Invocation invocation = this.open.get(execution.invocationContext().invocationId());
			ToolExecutionRequest request = execution.request();
			Span tool = this.tracer.get()
				.startSpan(request.name(), SpanKind.TOOL, (invocation != null) ? invocation.span : null);
			tool.setAttribute("gen_ai.operation.name", "execute_tool");
			tool.setAttribute("gen_ai.tool.name", request.name());
			if (request.id() != null) {
				tool.setAttribute("gen_ai.tool.call.id", request.id());
			}
			if (request.arguments() != null) {
				tool.setInputJson(request.arguments());
			}
			if (invocation != null) {
				invocation.tools.put(toolKey(request), tool);
			}
		});
	}

	void afterTool(ToolExecution execution) {
		TracingChatModelListener.safely(() -> {
			Invocation invocation = this.open.get(execution.invocationContext().invocationId());
			Span tool = (invocation != null) ? invocation.tools.remove(toolKey(execution.request())) : null;
			if (tool == null) {
				return;
			}
			if (execution.result() != null) {
				tool.setOutputJson(execution.result());
			}
			if (execution.hasFailed()) {
				tool.setError(String.valueOf(execution.result()));
			}
			tool.close();
		});
	}

	private void start(AiServiceStartedEvent event) {
		if (this.open.size() >= MAX_OPEN) {
			return;
		}
		InvocationContext context = event.invocationContext();
		Tracer tracer = this.tracer.get();
		Span span = tracer.startSpan(simpleName(context.interfaceName()) + "." + context.methodName(), SpanKind.AGENT,
				null);
		if (!span.isRecording()) {
			return;
		}
		if (context.chatMemoryId() != null && !"default".equals(String.valueOf(context.chatMemoryId()))) {
			io.agenttracing.TraceContext trace = tracer.traceOf(span);
			if (trace != null && trace.sessionId() == null) {
				trace.setSessionId(String.valueOf(context.chatMemoryId()));
			}
		}
		java.util.Map<String, Object> input = new java.util.LinkedHashMap<>();
		event.systemMessage().ifPresent((system) -> input.put("system", String.valueOf(system.text())));
		input.put("user", LangChain4jMessages.message(event.userMessage()).get("content"));
		span.setInput(input);
		this.open.put(context.invocationId(), new Invocation(span, tracer.makeCurrent(span), Thread.currentThread()));
	}

	private void complete(AiServiceCompletedEvent event) {
		Invocation invocation = finish(event.invocationContext());
		if (invocation != null) {
			event.result().ifPresent(invocation.span::setOutput);
			invocation.span.close();
		}
	}

	private void fail(AiServiceErrorEvent event) {
		Invocation invocation = finish(event.invocationContext());
		if (invocation != null) {
			invocation.span.setError(event.error());
			invocation.span.close();
		}
	}

	private @Nullable Invocation finish(InvocationContext context) {
		Invocation invocation = this.open.remove(context.invocationId());
		// A scope is thread-bound: only the thread that opened it may close it.
		if (invocation != null && invocation.thread == Thread.currentThread()) {
			invocation.scope.close();
		}
		return invocation;
	}

	private static String toolKey(ToolExecutionRequest request) {
		return (request.id() != null) ? request.id() : request.name();
	}

	private static String simpleName(@Nullable String interfaceName) {
		if (interfaceName == null) {
			return "AiService";
		}
		int dot = Math.max(interfaceName.lastIndexOf('.'), interfaceName.lastIndexOf('$'));
		return interfaceName.substring(dot + 1);
	}

	private record Invocation(Span span, SpanScope scope, Thread thread, Map<String, Span> tools) {

		Invocation(Span span, SpanScope scope, Thread thread) {
			this(span, scope, thread, new ConcurrentHashMap<>());
		}

	}

}
