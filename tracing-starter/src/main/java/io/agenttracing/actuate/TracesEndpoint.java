package io.agenttracing.actuate;

import java.util.List;
import java.util.Map;

import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceJson;
import io.agenttracing.export.memory.TraceQuery;
import io.agenttracing.export.memory.TraceRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code traces} endpoint: recent traces, newest first, one trace with all its spans, and
 * clearing the store.
 */
@Endpoint(id = "traces")
public class TracesEndpoint {

	private final TraceRepository repository;

	public TracesEndpoint(TraceRepository repository) {
		this.repository = repository;
	}

	/** Recent traces, newest first, filtered by kind, status and session, at most {@code limit}. */
	@ReadOperation
	public Map<String, List<Map<String, @Nullable Object>>> traces(@Nullable SpanKind kind, @Nullable SpanStatus status,
			@Nullable String session, @Nullable Integer limit) {
		TraceQuery query = new TraceQuery(kind, status, session,
				(limit != null && limit > 0) ? limit : TraceQuery.DEFAULT_LIMIT);
		return Map.of("traces", this.repository.findAll(query).stream().map(TraceJson::summary).toList());
	}

	/** One trace with all its spans; {@code null} (404) for an unknown id. */
	@ReadOperation
	public @Nullable Map<String, @Nullable Object> trace(@Selector String traceId) {
		return this.repository.findById(traceId).map(TraceJson::detail).orElse(null);
	}

	@DeleteOperation
	public void clear() {
		this.repository.clear();
	}

}
