package io.agenttracing.internal.trace;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A trace recorded though the sampling probability did not choose it: exported only if a
 * tail sampling rule keeps it when it finishes. Guarded by the monitor of its trace.
 */
final class Probation {

	/** Finished and not kept: its late spans are dropped too. */
	boolean discarded;

	/** Whether a rule keeps the finished trace; a kept one says why on {@code root}. */
	boolean kept(TailSampling rules, List<RecordingSpan> spans, long elapsedNanos, @Nullable RecordingSpan root) {
		String reason = rules.keepReason(spans, elapsedNanos);
		this.discarded = reason == null;
		if (reason != null && root != null) {
			root.keptBecauseLocked(reason);
		}
		return reason != null;
	}

}
