package io.agenttracing.sample.llm;

import java.util.Map;

/**
 * A tool the model asked to call.
 *
 * @param id identifies the call, so the tool's result can answer it
 * @param name the tool's name
 * @param arguments the arguments the model chose
 */
public record ToolCall(String id, String name, Map<String, Object> arguments) {

}
