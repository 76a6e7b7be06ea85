package io.agenttracing.internal.langchain4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.observability.api.event.AiServiceErrorEvent;
import dev.langchain4j.observability.api.event.AiServiceRequestIssuedEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.event.ToolExecutedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceRequestIssuedListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import dev.langchain4j.observability.api.listener.ToolExecutedEventListener;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanScope;
import io.agenttracing.TraceContext;
import io.agenttracing.Tracer;
import io.agenttracing.Tracing;
import org.jspecify.annotations.Nullable;

/**
 * The spans of AI service invocations: an AGENT span per invocation named
 * {@code Interface.method}, current on the calling thread while it runs (so its model
 * calls, tools and {@code @Traced} methods nest in it), and a TOOL span per tool
 * execution. A tool's span comes from the most exact source that saw it: the
 * {@code beforeToolExecution}/{@code afterToolExecution} hooks of a service built with
 * {@code LangChain4jTracing.traced}, else {@link ToolMethodInterceptor} around a
 * {@code @Tool} method of a Spring bean, else, for a tool neither saw, the
 * {@link ToolExecutedEvent} that LangChain4j fires after it (a span without duration).
 * One shared instance serves every AI service, so a service that gets these listeners
 * twice (from {@link TracingAiServiceListenerRegistrarFactory} and from {@code traced})
 * records each invocation once.
 */
public final class AiServiceSpans {

	/** Open invocations; an invocation that never completes is dropped at this many. */
	private static final int MAX_OPEN = 10_000;

	private static final AiServiceSpans SHARED = new AiServiceSpans(Tracing::tracer);

	private final Supplier<Tracer> tracer;

	private final Map<UUID, Invocation> open = new ConcurrentHashMap<>();

	private final AiServiceStartedListener started = (event) -> safely(() -> start(event));

	private final AiServiceCompletedListener completed = (event) -> safely(() -> complete(event));

	private final AiServiceErrorListener failed = (event) -> safely(() -> fail(event));

	private final ToolExecutedEventListener toolExecuted = (event) -> safely(() -> toolExecuted(event));

	private final AiServiceRequestIssuedListener requestIssued = (event) -> safely(() -> requestIssued(event));

	/**
	 * The AGENT span whose model request this thread is about to make: LangChain4j fires
	 * the request event right before it calls the model's listeners on the same thread,
	 * which do not know the invocation, and a streamed invocation's span is not current.
	 */
	private static final ThreadLocal<Span> modelCallParent = new ThreadLocal<>();

	AiServiceSpans(Supplier<Tracer> tracer) {
		this.tracer = tracer;
	}

	/** The instance that records with the application's tracer. */
	public static AiServiceSpans shared() {
		return SHARED;
	}

	public AiServiceStartedListener started() {
		return this.started;
	}

	public AiServiceCompletedListener completed() {
		return this.completed;
	}

	public AiServiceErrorListener failed() {
		return this.failed;
	}

	public ToolExecutedEventListener toolExecuted() {
		return this.toolExecuted;
	}

	public AiServiceRequestIssuedListener requestIssued() {
		return this.requestIssued;
	}

	/**
	 * The AGENT span of the AI service invocation whose model request this thread makes
	 * now, if there is one; answers once.
	 */
	public static @Nullable Span takeModelCallParent() {
		Span parent = modelCallParent.get();
		if (parent == null) {
			return null;
		}
		modelCallParent.remove();
		return parent.isEnded() ? null : parent;
	}

	private void requestIssued(AiServiceRequestIssuedEvent event) {
		Invocation invocation = this.open.get(event.invocationContext().invocationId());
		if (invocation != null) {
			modelCallParent.set(invocation.span);
		}
	}

	/** A tool is about to run: its TOOL span starts and is current while it runs. */
	public void beforeTool(BeforeToolExecution execution) {
		safely(() -> {
			Invocation invocation = this.open.get(execution.invocationContext().invocationId());
			if (invocation == null) {
				return;
			}
			ToolExecutionRequest request = execution.request();
			if (invocation.tools.containsKey(toolKey(request))) {
				return;
			}
			Span tool = this.tracer.get().startSpan(request.name(), SpanKind.TOOL, invocation.span);
			ToolSpans.describe(tool, request.name(), request.id());
			if (request.arguments() != null) {
				tool.setInputJson(request.arguments());
			}
			invocation.hooked = true;
			invocation.tools.put(toolKey(request),
					new OpenTool(tool, this.tracer.get().makeCurrent(tool), Thread.currentThread()));
		});
	}

	/** A tool ran: its span ends, an ERROR span when the tool failed. */
	public void afterTool(ToolExecution execution) {
		safely(() -> {
			Invocation invocation = this.open.get(execution.invocationContext().invocationId());
			OpenTool tool = (invocation != null) ? invocation.tools.remove(toolKey(execution.request())) : null;
			if (tool == null) {
				return;
			}
			if (tool.thread == Thread.currentThread()) {
				tool.scope.close();
			}
			if (execution.result() != null) {
				tool.span.setOutputJson(execution.result());
			}
			if (execution.hasFailed() && tool.span.status() != io.agenttracing.SpanStatus.ERROR) {
				tool.span.setAttribute("error.type", "tool_error");
				tool.span.setError(String.valueOf(execution.result()));
			}
			tool.span.close();
		});
	}

	private void toolExecuted(ToolExecutedEvent event) {
		Invocation invocation = this.open.get(event.invocationContext().invocationId());
		ToolExecutionRequest request = event.request();
		if (invocation == null || invocation.hooked) {
			return;
		}
		// Neither the hooks nor a traced @Tool method saw this call: record what the
		// event
		// tells, as a span that starts and ends now.
		Span tool = this.tracer.get().startSpan(request.name(), SpanKind.TOOL, invocation.span);
		ToolSpans.describe(tool, request.name(), request.id());
		if (request.arguments() != null) {
			tool.setInputJson(request.arguments());
		}
		if (event.resultText() != null) {
			tool.setOutputJson(event.resultText());
		}
		tool.close();
	}

	private void start(AiServiceStartedEvent event) {
		InvocationContext context = event.invocationContext();
		if (this.open.size() >= MAX_OPEN || this.open.containsKey(context.invocationId())) {
			return;
		}
		Tracer tracer = this.tracer.get();
		Span span = tracer.startSpan(simpleName(context.interfaceName()) + "." + context.methodName(), SpanKind.AGENT,
				null);
		if (!span.isRecording()) {
			return;
		}
		span.setAttribute("gen_ai.operation.name", "invoke_agent");
		span.setAttribute("gen_ai.agent.name", simpleName(context.interfaceName()));
		if (context.chatMemoryId() != null && !"default".equals(String.valueOf(context.chatMemoryId()))) {
			String conversation = String.valueOf(context.chatMemoryId());
			span.setAttribute("gen_ai.conversation.id", conversation);
			TraceContext trace = tracer.traceOf(span);
			if (trace != null && trace.sessionId() == null) {
				trace.setSessionId(conversation);
			}
		}
		Map<String, Object> input = new LinkedHashMap<>();
		event.systemMessage().ifPresent((system) -> input.put("system", String.valueOf(system.text())));
		input.put("user", LangChain4jMessages.message(event.userMessage()).get("content"));
		span.setInput(input);
		// A blocking invocation ends on this thread: its span is current meanwhile. A
		// streamed one ends on another, so a scope opened here could never be closed.
		SpanScope scope = StreamingMethods.isStreaming(context) ? null : tracer.makeCurrent(span);
		if (this.open.putIfAbsent(context.invocationId(),
				new Invocation(span, scope, Thread.currentThread())) != null) {
			if (scope != null) {
				scope.close();
			}
			span.end();
		}
	}

	private void complete(AiServiceCompletedEvent event) {
		Invocation invocation = finish(event.invocationContext());
		if (invocation != null) {
			event.result()
				.ifPresent((result) -> invocation.span.setOutput((result instanceof ChatResponse response)
						? LangChain4jMessages.message(response.aiMessage()).get("content") : result));
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
		if (invocation != null && invocation.scope != null && invocation.thread == Thread.currentThread()) {
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

	/** Tracing must never break the service call. */
	public static void safely(Runnable recording) {
		try {
			recording.run();
		}
		catch (RuntimeException | LinkageError ex) {
			// The span keeps what it recorded so far.
		}
	}

	private static final class Invocation {

		final Span span;

		final @Nullable SpanScope scope;

		final Thread thread;

		final Map<String, OpenTool> tools = new ConcurrentHashMap<>();

		/** Whether the tool hooks record this invocation's tools. */
		volatile boolean hooked;

		Invocation(Span span, @Nullable SpanScope scope, Thread thread) {
			this.span = span;
			this.scope = scope;
			this.thread = thread;
		}

	}

	private record OpenTool(Span span, SpanScope scope, Thread thread) {
	}

}
