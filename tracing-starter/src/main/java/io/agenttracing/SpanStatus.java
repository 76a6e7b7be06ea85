package io.agenttracing;

/**
 * Outcome of a span: {@link #UNSET} while running, {@link #OK} after a normal return,
 * {@link #ERROR} after a failure.
 */
public enum SpanStatus {

	UNSET, OK, ERROR

}
