package io.agenttracing.sample.llm;

import java.util.Map;

/**
 * A tool as described to the model.
 *
 * @param name the tool's name
 * @param description what the tool does
 * @param parameters JSON schema of the arguments
 */
public record ToolSpec(String name, String description, Map<String, Object> parameters) {

}
