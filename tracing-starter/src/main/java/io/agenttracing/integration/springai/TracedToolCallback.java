package io.agenttracing.integration.springai;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanScope;
import io.agenttracing.Tracer;
import io.agenttracing.Tracing;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.ai.tool.metadata.ToolMetadata;

/**
 * A tool that records its calls: a TOOL span with the arguments and the result, an ERROR
 * span when it throws. When Spring AI's tool observation already opened a TOOL span for
 * the same call (it is current here), the call records into that span rather than opening
 * a second one. The tool's result and exceptions pass through unchanged.
 */
final class TracedToolCallback implements ToolCallback {

	private final ToolCallback delegate;

	private final Tracer tracer;

	private final Span requestSpan;

	private TracedToolCallback(ToolCallback delegate, Tracer tracer, Span requestSpan) {
		this.delegate = delegate;
		this.tracer = tracer;
		this.requestSpan = requestSpan;
	}

	/**
	 * The tool, traced; {@code requestSpan} is the parent of its calls when the thread
	 * that runs them has no current span.
	 */
	static ToolCallback wrap(ToolCallback tool, Tracer tracer, Span requestSpan) {
		return (tool instanceof TracedToolCallback) ? tool : new TracedToolCallback(tool, tracer, requestSpan);
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.delegate.getToolDefinition();
	}

	@Override
	public ToolMetadata getToolMetadata() {
		return this.delegate.getToolMetadata();
	}

	@Override
	public String call(String toolInput) {
		return call(toolInput, null);
	}

	@Override
	public String call(String toolInput, @Nullable ToolContext toolContext) {
		ToolDefinition tool = this.delegate.getToolDefinition();
		Span observed = observedSpan(tool);
		Span span = (observed != null) ? observed : start(tool, toolInput);
		SpanScope scope = (observed != null || !span.isRecording()) ? null : this.tracer.makeCurrent(span);
		try {
			String result = (toolContext != null) ? this.delegate.call(toolInput, toolContext)
					: this.delegate.call(toolInput);
			if (observed == null && result != null) {
				span.setOutputJson(result);
			}
			return result;
		}
		catch (RuntimeException | Error ex) {
			span.setError((ex instanceof ToolExecutionException && ex.getCause() != null) ? ex.getCause() : ex);
			throw ex;
		}
		finally {
			if (scope != null) {
				scope.close();
			}
			if (observed == null) {
				span.close();
			}
		}
	}

	/** The TOOL span Spring AI's observation opened for this call, if it did. */
	private static @Nullable Span observedSpan(ToolDefinition tool) {
		Span current = Tracing.currentSpan();
		return (current.kind() == SpanKind.TOOL && current.isRecording() && !current.isEnded()
				&& current.name().equals(tool.name())) ? current : null;
	}

	private Span start(ToolDefinition tool, String toolInput) {
		Span current = this.tracer.currentSpan();
		Span parent = (current.isRecording() && !current.isEnded()) ? current : this.requestSpan;
		Span span = this.tracer.startSpan(tool.name(), SpanKind.TOOL, parent.isRecording() ? parent : null);
		if (span.isRecording()) {
			span.setAttribute("gen_ai.operation.name", "execute_tool");
			span.setAttribute("gen_ai.tool.name", tool.name());
			span.setAttribute("gen_ai.tool.type", "function");
			ChatModelSpans.setIfPresent(span, "gen_ai.tool.description",
					ChatModelSpans.emptyToNull(tool.description()));
			span.setInputJson(toolInput);
		}
		return span;
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
