package io.agenttracing;

/**
 * How much a span matters, as log levels say it: {@code agent.tracing.level} is the
 * threshold below which spans are not recorded (their children then attach to the nearest
 * recorded ancestor), and backends that know levels (Langfuse) show and filter by them. A
 * span is {@link #INFO} unless it says otherwise.
 */
public enum SpanLevel {

	/** Detail for debugging: steps a production trace can do without. */
	DEBUG,

	/** The default: the steps of the agent's work. */
	INFO,

	/** Something went unexpectedly but the work went on: a retry, a fallback. */
	WARNING,

	/** The step failed. A span whose status is {@code ERROR} counts as this level. */
	ERROR;

	/** Whether this level is {@code threshold} or above it. */
	public boolean isAtLeast(SpanLevel threshold) {
		return ordinal() >= threshold.ordinal();
	}

}
