package io.agenttracing.internal.semconv;

/**
 * Which attribute families a backend gets: the OpenTelemetry GenAI conventions,
 * OpenInference, Langfuse's own. Each family writes the span's content once.
 *
 * @param genAi {@code gen_ai.*}, with content as {@code gen_ai.input.messages} and
 * {@code gen_ai.output.messages}, tool arguments and results
 * @param openInference {@code openinference.span.kind}, {@code llm.*}, content as
 * {@code input.value} and {@code output.value}
 * @param langfuse {@code langfuse.*}: observation type, level, prompt, usage and cost
 * details, content as {@code langfuse.observation.input} and {@code output}
 */
public record Families(boolean genAi, boolean openInference, boolean langfuse) {

	/** GenAI and OpenInference: every backend the starter names reads one of them. */
	public static final Families DEFAULT = new Families(true, true, false);

}
