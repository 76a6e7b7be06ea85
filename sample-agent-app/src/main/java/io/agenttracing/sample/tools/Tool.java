package io.agenttracing.sample.tools;

import java.util.Map;

import io.agenttracing.sample.llm.ToolSpec;

/**
 * Something the agent can do on the model's request.
 */
public interface Tool {

	ToolSpec spec();

	/** Runs the tool; throws if it cannot answer. */
	String call(Map<String, Object> arguments);

}
