package io.agenttracing.export.semconv;

import io.agenttracing.internal.semconv.AgentSemantics;

import java.util.Map;

import io.agenttracing.SpanData;
import io.agenttracing.TraceData;

/**
 * How a span is described to a backend: the attributes it carries (OpenInference,
 * OpenTelemetry GenAI, Langfuse keys) and whether it is a client call. The OTLP and
 * Zipkin exporters ask this for every span; {@link #DEFAULT} is what they use unless the
 * application declares a bean of its own, for example to add a backend's keys or leave
 * some out.
 */
public interface AttributeConventions {

	/**
	 * OpenInference, OpenTelemetry GenAI and Langfuse attributes, as
	 * {@link AgentSemantics} writes them.
	 */
	AttributeConventions DEFAULT = new AttributeConventions() {

		@Override
		public Map<String, Object> attributes(SpanData span, TraceData trace) {
			return AgentSemantics.attributes(span, trace);
		}

		@Override
		public boolean isClient(SpanData span) {
			return AgentSemantics.isClient(span);
		}

	};

	/**
	 * The attributes of {@code span}, a span of {@code trace}, as the backend receives
	 * them.
	 */
	Map<String, Object> attributes(SpanData span, TraceData trace);

	/**
	 * Whether the span is a call to another service (an LLM, a network call): a CLIENT
	 * span.
	 */
	boolean isClient(SpanData span);

}
