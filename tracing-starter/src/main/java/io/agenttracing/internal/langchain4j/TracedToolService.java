package io.agenttracing.internal.langchain4j;

import java.util.function.Consumer;

import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;
import dev.langchain4j.service.tool.ToolService;

/**
 * LangChain4j's tool service with the TOOL span hooks always in place: hooks the
 * application sets on its {@code AiServices} builder run as well, after the span starts
 * and before it ends, instead of replacing them.
 */
final class TracedToolService extends ToolService {

	private final AiServiceSpans spans;

	TracedToolService(AiServiceSpans spans) {
		this.spans = spans;
		super.beforeToolExecution(spans::beforeTool);
		super.afterToolExecution(spans::afterTool);
	}

	@Override
	public void beforeToolExecution(Consumer<BeforeToolExecution> hook) {
		Consumer<BeforeToolExecution> tracing = this.spans::beforeTool;
		super.beforeToolExecution((hook != null) ? tracing.andThen(hook) : tracing);
	}

	@Override
	public void afterToolExecution(Consumer<ToolExecution> hook) {
		Consumer<ToolExecution> tracing = this.spans::afterTool;
		super.afterToolExecution((hook != null) ? hook.andThen(tracing) : tracing);
	}

}
