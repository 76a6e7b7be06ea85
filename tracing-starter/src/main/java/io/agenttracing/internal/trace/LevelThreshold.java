package io.agenttracing.internal.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanData;
import org.jspecify.annotations.Nullable;

/**
 * Leaves the spans below {@code agent.tracing.level} out of a finished trace, each child
 * of one attached to its nearest ancestor that stays. A root always stays, so a trace
 * keeps its entry point. A failed span is never below the threshold: it counts as
 * {@link Span.Level#ERROR}.
 */
final class LevelThreshold {

	private LevelThreshold() {
	}

	/** The spans that stay, or {@code null} when all of them do (the common case). */
	static @Nullable List<SpanData> apply(List<SpanData> spans, Span.Level threshold) {
		if (threshold == Span.Level.DEBUG || !anyBelow(spans, threshold)) {
			return null;
		}
		Map<String, @Nullable String> parents = new HashMap<>();
		for (SpanData span : spans) {
			parents.put(span.spanId(), span.parentId());
		}
		Map<String, Boolean> below = new HashMap<>();
		for (SpanData span : spans) {
			below.put(span.spanId(), span.parentId() != null && !span.effectiveLevel().isAtLeast(threshold));
		}
		List<SpanData> kept = new ArrayList<>(spans.size());
		for (SpanData span : spans) {
			if (Boolean.TRUE.equals(below.get(span.spanId()))) {
				continue;
			}
			String parent = span.parentId();
			// Bounded by the number of spans: a parent chain cannot be longer.
			for (int depth = 0; parent != null && Boolean.TRUE.equals(below.get(parent))
					&& depth < spans.size(); depth++) {
				parent = parents.get(parent);
			}
			kept.add(java.util.Objects.equals(parent, span.parentId()) ? span : span.withParentId(parent));
		}
		return kept;
	}

	private static boolean anyBelow(List<SpanData> spans, Span.Level threshold) {
		for (SpanData span : spans) {
			if (span.parentId() != null && !span.effectiveLevel().isAtLeast(threshold)) {
				return true;
			}
		}
		return false;
	}

}
