package io.agenttracing.export.memory;

import java.util.List;
import java.util.Optional;

import io.agenttracing.TraceData;

/**
 * Recent traces, as the actuator endpoint reads them.
 */
public interface TraceRepository {

	/** Traces that match the query, newest first. */
	List<TraceData> findAll(TraceQuery query);

	Optional<TraceData> findById(String traceId);

	/** Forgets every stored trace. */
	void clear();

}
