package io.agenttracing.sample.agent;

import java.util.List;

/**
 * What the agent concluded.
 *
 * @param answer the text for the user
 * @param toolsUsed names of the tools called, in order
 * @param model the model that answered
 */
public record AgentAnswer(String answer, List<String> toolsUsed, String model) {

}
