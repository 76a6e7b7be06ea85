package io.agenttracing.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.agenttracing.SpanData;
import io.agenttracing.TraceData;

/** Merges the parts of one trace that arrived separately. */
final class Merge {

	private Merge() {
	}

	static TraceData parts(TraceData first, TraceData next) {
		List<SpanData> spans = new ArrayList<>(first.spans());
		spans.addAll(next.spans());
		spans.sort(Comparator.comparingLong(SpanData::startEpochNanos));
		return TraceData.of(first.traceId(), null, first.startEpochNanos(),
				(first.sessionId() != null) ? first.sessionId() : next.sessionId(), spans,
				first.fragment() && next.fragment(), first.droppedSpans() + next.droppedSpans(),
				first.incomplete() || next.incomplete());
	}

}
