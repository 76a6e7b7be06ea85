package io.agenttracing.internal.langchain4j;

import io.agenttracing.Span;
import org.jspecify.annotations.Nullable;

/** What every LangChain4j TOOL span carries. */
final class ToolSpans {

	private ToolSpans() {
	}

	static void describe(Span tool, String name, @Nullable String callId) {
		tool.setAttribute("gen_ai.operation.name", "execute_tool");
		tool.setAttribute("gen_ai.tool.name", name);
		tool.setAttribute("gen_ai.tool.type", "function");
		if (callId != null) {
			tool.setAttribute("gen_ai.tool.call.id", callId);
		}
	}

}
