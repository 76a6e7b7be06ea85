package io.agenttracing.internal.trace;

import org.jspecify.annotations.Nullable;

/**
 * What is current on a thread: a trace, and the span inside it that new spans become
 * children of. A request opens a trace with no span yet; a running span is the scope of
 * its children.
 */
public sealed interface Scope permits RecordingTrace, RecordingSpan {

	/** The trace this scope belongs to. */
	RecordingTrace trace();

	/** The current span, or {@code null} at the top of a trace. */
	@Nullable RecordingSpan span();

}
