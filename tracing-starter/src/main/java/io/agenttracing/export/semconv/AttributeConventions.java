package io.agenttracing.export.semconv;

import io.agenttracing.internal.semconv.AgentSemantics;
import io.agenttracing.internal.semconv.Families;

import java.util.Collection;
import java.util.List;
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
	 * The OpenTelemetry GenAI and OpenInference attributes: Jaeger, Tempo and Datadog
	 * read the first, Phoenix the second, Langfuse both.
	 */
	AttributeConventions DEFAULT = of(List.of(Family.GENAI, Family.OPENINFERENCE));

	/** The attributes of the families chosen, each writing the span's content once. */
	static AttributeConventions of(Collection<Family> families) {
		Families chosen = new Families(families.contains(Family.GENAI), families.contains(Family.OPENINFERENCE),
				families.contains(Family.LANGFUSE));
		return new AttributeConventions() {

			@Override
			public Map<String, Object> attributes(SpanData span, TraceData trace) {
				return AgentSemantics.attributes(span, trace, chosen);
			}

			@Override
			public boolean isClient(SpanData span) {
				return AgentSemantics.isClient(span);
			}

		};
	}

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

	/** A family of attributes a backend reads. */
	enum Family {

		/**
		 * The OpenTelemetry GenAI semantic conventions ({@code gen_ai.*}), content as
		 * {@code gen_ai.input.messages} and {@code gen_ai.output.messages}.
		 */
		GENAI,

		/**
		 * OpenInference ({@code openinference.span.kind}, {@code llm.*}), content as
		 * {@code input.value} and {@code output.value}.
		 */
		OPENINFERENCE,

		/**
		 * Langfuse's own attributes ({@code langfuse.*}): observation type, level,
		 * prompt, usage and cost details, content as {@code langfuse.observation.input}
		 * and {@code output}.
		 */
		LANGFUSE

	}

}
