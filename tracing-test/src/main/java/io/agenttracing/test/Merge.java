package io.agenttracing.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.agenttracing.Score;
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
		List<Score> scores = new ArrayList<>(first.scores());
		scores.addAll(next.scores());
		// A score given after its trace finished may arrive first, without spans.
		long start = first.spans().isEmpty() ? next.startEpochNanos() : first.startEpochNanos();
		return TraceData
			.of(first.traceId(), null, start, (first.sessionId() != null) ? first.sessionId() : next.sessionId(), spans,
					first.fragment() && next.fragment(), first.droppedSpans() + next.droppedSpans(),
					first.incomplete() || next.incomplete())
			.withScores(scores);
	}

}
