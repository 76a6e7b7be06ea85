package io.agenttracing.integration.springai;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.micrometer.observation.Observation;

/**
 * How the observations of one Spring AI context type become a span: its name and kind,
 * what it records when the observation starts, and what when it stops.
 *
 * @param <C> the observation context type
 */
interface ObservationSpanMapping<C extends Observation.Context> {

	Class<C> contextType();

	/** Whether this observation gets a span at all. */
	default boolean traces(C context) {
		return true;
	}

	String spanName(C context);

	SpanKind spanKind(C context);

	/** Records what the context holds at the start: the request. */
	void started(C context, Span span);

	/** Records what the context holds at the end: the response. */
	void stopped(C context, Span span);

	/**
	 * Whether an observation of this kind records into the thread's current LLM span (a
	 * user's {@code @Traced(kind = LLM)} method that calls the model) instead of opening
	 * a second LLM span under it.
	 */
	default boolean joinsCurrentModelCall() {
		return false;
	}

}
