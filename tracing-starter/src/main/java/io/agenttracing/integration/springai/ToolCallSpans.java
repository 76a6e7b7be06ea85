package io.agenttracing.integration.springai;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;

import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * A tool call as a TOOL span named after the tool: its arguments as input, its result as
 * output, the call id the model gave it.
 */
final class ToolCallSpans implements ObservationSpanMapping<ToolCallingObservationContext> {

	@Override
	public Class<ToolCallingObservationContext> contextType() {
		return ToolCallingObservationContext.class;
	}

	@Override
	public String spanName(ToolCallingObservationContext context) {
		return context.getToolDefinition().name();
	}

	@Override
	public SpanKind spanKind(ToolCallingObservationContext context) {
		return SpanKind.TOOL;
	}

	@Override
	public void started(ToolCallingObservationContext context, Span span) {
		ToolDefinition tool = context.getToolDefinition();
		span.setAttribute("gen_ai.operation.name", "execute_tool");
		span.setAttribute("gen_ai.tool.name", tool.name());
		ChatModelSpans.setIfPresent(span, "gen_ai.tool.description", ChatModelSpans.emptyToNull(tool.description()));
		ChatModelSpans.setIfPresent(span, "gen_ai.tool.call.id", ChatModelSpans.emptyToNull(context.getToolCallId()));
		ChatModelSpans.setIfPresent(span, "gen_ai.tool.type", ChatModelSpans.emptyToNull(context.getToolType()));
		if (context.getToolCallArguments() != null) {
			span.setInputJson(context.getToolCallArguments());
		}
	}

	@Override
	public void stopped(ToolCallingObservationContext context, Span span) {
		String result = context.getToolCallResult();
		if (result != null) {
			span.setOutputJson(result);
		}
	}

}
