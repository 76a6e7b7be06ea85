package io.agenttracing.integration.springai;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.Tracing;

import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;

/**
 * Marks the TOOL span of a failed tool call as an error before Spring AI turns the
 * failure into a message for the model. Spring AI's tool observation never sees such a
 * failure: the tool calling manager catches it inside the observation and hands it to
 * this processor.
 */
final class ToolFailureRecorder implements ToolExecutionExceptionProcessor {

	private final ToolExecutionExceptionProcessor delegate;

	ToolFailureRecorder(ToolExecutionExceptionProcessor delegate) {
		this.delegate = delegate;
	}

	@Override
	public String process(ToolExecutionException exception) {
		Span span = Tracing.currentSpan();
		if (span.kind() == SpanKind.TOOL && span.isRecording()
				&& span.name().equals(exception.getToolDefinition().name())) {
			Throwable cause = exception.getCause();
			span.setError((cause != null) ? cause : exception);
		}
		return this.delegate.process(exception);
	}

}
