package io.agenttracing.internal.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.agenttracing.Score;
import io.agenttracing.SpanData;
import io.agenttracing.TraceData;
import io.agenttracing.internal.trace.Scores;

/**
 * Merges the parts of one trace that arrived separately: a trace and the late spans or
 * scores that followed it, or the parts of a trace that several services (or instances
 * sharing a store) finished. Every store merges the same way.
 */
public final class TraceParts {

	private TraceParts() {
	}

	/**
	 * The two parts as one trace: spans in start order up to {@code maxSpans} (the rest
	 * counted as dropped), scores appended up to a trace's limit, who and what kept from
	 * whichever part knows them.
	 */
	public static TraceData merge(TraceData existing, TraceData fragment, int maxSpans) {
		List<SpanData> spans = new ArrayList<>(existing.spans());
		int room = Math.max(0, maxSpans - spans.size());
		List<SpanData> arriving = fragment.spans();
		int dropped = Math.max(0, arriving.size() - room);
		spans.addAll((dropped > 0) ? arriving.subList(0, room) : arriving);
		spans.sort(Comparator.comparingLong(SpanData::startEpochNanos));
		String session = (existing.sessionId() != null) ? existing.sessionId() : fragment.sessionId();
		// The parts may arrive in any order (a downstream request of the same trace often
		// finishes first), so the merged trace is named after its earliest span.
		List<String> tags = new ArrayList<>(existing.tags());
		fragment.tags().stream().filter((tag) -> !tags.contains(tag)).forEach(tags::add);
		List<Score> scores = new ArrayList<>(existing.scores());
		for (Score score : fragment.scores()) {
			if (scores.size() < Scores.MAX_PER_TRACE) {
				scores.add(score);
			}
		}
		// A score-only fragment holds no span: the trace starts where its spans do.
		long start = existing.spans().isEmpty() ? fragment.startEpochNanos() : existing.startEpochNanos();
		return TraceData
			.of(existing.traceId(), null, start, session, spans, existing.fragment() && fragment.fragment(),
					existing.droppedSpans() + fragment.droppedSpans() + dropped)
			.withIdentity((existing.userId() != null) ? existing.userId() : fragment.userId(),
					(existing.sessionName() != null) ? existing.sessionName() : fragment.sessionName(), tags)
			.withScores(scores);
	}

}
