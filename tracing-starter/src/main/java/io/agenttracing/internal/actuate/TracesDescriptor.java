package io.agenttracing.internal.actuate;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import io.agenttracing.TraceData;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The endpoint's list of recent traces, newest first, in {@link TraceJson}'s summary
 * shape.
 *
 * @param json {@code {"traces": [...]}} as {@link TraceJson#toListJson(List)} writes it
 */
public record TracesDescriptor(@JsonValue @JsonRawValue String json) implements OperationResponseBody {

	static TracesDescriptor of(List<TraceData> traces) {
		return new TracesDescriptor(TraceData.toListJson(traces));
	}

}
