package io.agenttracing.internal.export.memory;

import io.agenttracing.export.memory.TraceRepository;

import io.agenttracing.export.memory.TraceQuery;
import io.agenttracing.internal.export.TraceParts;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.agenttracing.TraceData;
import io.agenttracing.export.TraceExporter;

/**
 * Keeps the most recent traces in memory, bounded by count: the oldest is forgotten when
 * a new one arrives at capacity. Parts of one trace that arrive separately (spans that
 * ended after their trace was exported, or the spans of another request that continued
 * the trace) are merged.
 */
public final class InMemoryTraceExporter implements TraceExporter, TraceRepository {

	public static final int DEFAULT_MAX_TRACES = 1000;

	private final int maxTraces;

	private final int maxSpansPerTrace;

	private final Map<String, TraceData> traces;

	public InMemoryTraceExporter(int maxTraces) {
		this(maxTraces, io.agenttracing.internal.trace.TracerBuilder.DEFAULT_MAX_SPANS_PER_TRACE);
	}

	/**
	 * @param maxTraces most traces kept; the oldest is forgotten first
	 * @param maxSpansPerTrace most spans kept for one trace id, however many parts arrive
	 * with it; further spans are counted in {@link TraceData#droppedSpans()}
	 */
	public InMemoryTraceExporter(int maxTraces, int maxSpansPerTrace) {
		if (maxTraces <= 0) {
			throw new IllegalArgumentException("maxTraces must be positive, got " + maxTraces);
		}
		if (maxSpansPerTrace <= 0) {
			throw new IllegalArgumentException("maxSpansPerTrace must be positive, got " + maxSpansPerTrace);
		}
		this.maxTraces = maxTraces;
		this.maxSpansPerTrace = maxSpansPerTrace;
		this.traces = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, TraceData> eldest) {
				return size() > InMemoryTraceExporter.this.maxTraces;
			}

		};
	}

	@Override
	public synchronized void export(TraceData trace) {
		TraceData existing = this.traces.get(trace.traceId());
		this.traces.put(trace.traceId(), (existing != null) ? merge(existing, trace) : trace);
	}

	private TraceData merge(TraceData existing, TraceData fragment) {
		return TraceParts.merge(existing, fragment, this.maxSpansPerTrace);
	}

	@Override
	public synchronized List<TraceData> findAll(TraceQuery query) {
		// Scores that arrived before their trace are held, not listed.
		return this.traces.values()
			.stream()
			.filter((trace) -> !trace.spans().isEmpty())
			.filter(query::matches)
			.sorted(Comparator.comparingLong(TraceData::startEpochNanos).reversed())
			.limit(query.limit())
			.toList();
	}

	@Override
	public synchronized Optional<TraceData> findById(String traceId) {
		return Optional.ofNullable(this.traces.get(traceId)).filter((trace) -> !trace.spans().isEmpty());
	}

	@Override
	public synchronized void clear() {
		this.traces.clear();
	}

	public synchronized int size() {
		return this.traces.size();
	}

	@Override
	public String name() {
		return "memory";
	}

}
