package io.agenttracing;

/**
 * What kind of agent operation a span stands for. The kind drives how backends render the
 * span (OpenInference span kind, GenAI operation name) and is a tag on the span-duration
 * metric.
 */
public enum SpanKind {

	/** General internal operation. */
	INTERNAL,

	/** Call to a large language model. */
	LLM,

	/** Execution of a tool the agent chose to call. */
	TOOL,

	/** One agent processing a message: think, decide, act. */
	AGENT,

	/** A workflow that orchestrates agents, memory and tools. */
	WORKFLOW,

	/** Read or write of conversation or long-term memory. */
	MEMORY,

	/** Call to an external API over the network. */
	NETWORK

}
