package io.agenttracing.sample.tools;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.agenttracing.sample.llm.ToolCall;
import io.agenttracing.sample.llm.ToolSpec;

import org.springframework.stereotype.Component;

/**
 * Runs the tools the model asks for. A failing tool does not fail the chat: its error
 * goes back to the model as the tool's result, as agents usually handle it.
 */
@Component
public class ToolExecutor {

	private final Map<String, Tool> tools;

	public ToolExecutor(List<Tool> tools) {
		this.tools = tools.stream().collect(Collectors.toMap((tool) -> tool.spec().name(), Function.identity()));
	}

	public List<ToolSpec> specs() {
		return this.tools.values().stream().map(Tool::spec).sorted((a, b) -> a.name().compareTo(b.name())).toList();
	}

	public String execute(ToolCall call) {
		Tool tool = this.tools.get(call.name());
		if (tool == null) {
			return "unknown tool " + call.name();
		}
		try {
			return tool.call(call.arguments());
		}
		catch (RuntimeException ex) {
			return "the " + call.name() + " tool failed: " + ex.getMessage();
		}
	}

}
