package io.agenttracing.internal.trace;

import java.util.List;

import io.agenttracing.SpanStatus;
import org.jspecify.annotations.Nullable;

/**
 * Which traces are kept whatever the sampling probability says, decided when a trace
 * finishes: those with a failed span, and those slower than a bound. While either rule is
 * on, every trace is recorded, and one the probability did not choose is exported only if
 * a rule keeps it; the reason goes out on its root span ({@value #REASON_ATTRIBUTE}, and
 * {@code sampling.priority=1}) so that collectors downstream keep it too.
 *
 * @param keepErrors keep every trace with a failed span
 * @param keepSlowerThanNanos keep every trace that took longer, or {@code -1}
 */
record TailSampling(boolean keepErrors, long keepSlowerThanNanos) {

	static final TailSampling NONE = new TailSampling(false, -1);

	static final String REASON_ATTRIBUTE = "agent.tracing.sampling.reason";

	boolean active() {
		return this.keepErrors || this.keepSlowerThanNanos >= 0;
	}

	/**
	 * Why a finished trace is kept ({@code "error"}, {@code "slow"}), or {@code null} if
	 * no rule keeps it; the caller holds the trace's monitor.
	 */
	@Nullable String keepReason(List<RecordingSpan> spans, long elapsedNanos) {
		if (this.keepErrors) {
			for (RecordingSpan span : spans) {
				if (span.status == SpanStatus.ERROR) {
					return "error";
				}
			}
		}
		return (this.keepSlowerThanNanos >= 0 && elapsedNanos > this.keepSlowerThanNanos) ? "slow" : null;
	}

}
