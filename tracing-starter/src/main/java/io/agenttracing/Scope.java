package io.agenttracing;

import org.jspecify.annotations.Nullable;

/**
 * What is current on a thread: a trace, and the span inside it that new spans become
 * children of. A request opens a trace with no span yet; a running span is the scope of
 * its children.
 */
public sealed interface Scope permits TraceContext, RecordingSpan {

	/** The trace this scope belongs to. */
	TraceContext trace();

	/** The current span, or {@code null} at the top of a trace. */
	@Nullable Span span();

}
