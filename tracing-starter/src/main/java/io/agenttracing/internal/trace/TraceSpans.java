package io.agenttracing.internal.trace;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The spans of one trace in start order, within the trace's span limit, once it has more
 * than one (a one-span trace, the most common, keeps its span alone and allocates none of
 * this). Guarded by the monitor of the trace.
 */
final class TraceSpans {

	private final List<RecordingSpan> spans = new ArrayList<>(8);

	private int dropped;

	TraceSpans(RecordingSpan first) {
		this.spans.add(first);
	}

	/** Adds a span; the caller checked the limit. */
	void add(RecordingSpan span) {
		this.spans.add(span);
	}

	/** Counts a span refused because the trace was full. */
	void refuse() {
		this.dropped++;
	}

	/** The span at {@code index}, in start order. */
	RecordingSpan get(int index) {
		return this.spans.get(index);
	}

	int count() {
		return this.spans.size();
	}

	/** Spans refused because the trace was full. */
	int dropped() {
		return this.dropped;
	}

	/** Every span, in start order. */
	List<RecordingSpan> all() {
		return new ArrayList<>(this.spans);
	}

	/** The spans of a trace: its only one, or all of {@code more}. */
	static List<RecordingSpan> of(@Nullable RecordingSpan first, @Nullable TraceSpans more) {
		return (more != null) ? more.all() : (first != null) ? List.of(first) : List.of();
	}

}
