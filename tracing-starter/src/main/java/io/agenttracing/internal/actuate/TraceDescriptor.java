package io.agenttracing.internal.actuate;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import io.agenttracing.TraceData;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * One trace with all its spans, as the endpoint answers it. Its JSON is
 * {@link TraceJson}'s, written as it is: the endpoint, the console's JSON format and JSON
 * lines share one shape by construction, whatever mapper and inclusion rules the actuator
 * uses.
 *
 * @param json the trace as {@link TraceJson#toJson(TraceData)} writes it
 */
public record TraceDescriptor(@JsonValue @JsonRawValue String json) implements OperationResponseBody {

	static TraceDescriptor of(TraceData trace) {
		return new TraceDescriptor(trace.toJson());
	}

}
