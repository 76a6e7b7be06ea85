package io.agenttracing.internal.trace;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The spans of one trace in start order, within the trace's span limit. The first span is
 * kept apart, so that a one-span trace allocates no list. Guarded by the monitor of the
 * trace.
 */
final class TraceSpans {

	private @Nullable RecordingSpan first;

	private @Nullable List<RecordingSpan> more;

	private int count;

	private int dropped;

	/** Adds a span; the caller checked {@link #isFull}. */
	void add(RecordingSpan span) {
		if (this.first == null) {
			this.first = span;
		}
		else {
			if (this.more == null) {
				this.more = new ArrayList<>(8);
			}
			this.more.add(span);
		}
		this.count++;
	}

	/** Whether the limit is reached; counts the span that was refused if so. */
	boolean isFull(int max) {
		if (this.count >= max) {
			this.dropped++;
			return true;
		}
		return false;
	}

	int count() {
		return this.count;
	}

	/** Spans refused because the trace was full. */
	int dropped() {
		return this.dropped;
	}

	/** The span of a one-span trace, else {@code null}. */
	@Nullable RecordingSpan only() {
		return (this.count == 1) ? this.first : null;
	}

	/** Every span, in start order. */
	List<RecordingSpan> all() {
		if (this.first == null) {
			return List.of();
		}
		List<RecordingSpan> all = new ArrayList<>(this.count);
		all.add(this.first);
		if (this.more != null) {
			all.addAll(this.more);
		}
		return all;
	}

}
