package io.agenttracing.integration.springai;

import io.agenttracing.internal.semconv.GenAiProviders;

import java.util.LinkedHashMap;
import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.internal.semconv.AgentSemantics;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResponseMetadata;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;

/**
 * An embedding model call as an LLM span of operation {@code embeddings}: the texts as
 * input, how many vectors of which size as output (never the vectors), model and tokens
 * as attributes.
 */
final class EmbeddingModelSpans implements ObservationSpanMapping<EmbeddingModelObservationContext> {

	static final String OPERATION = "embeddings";

	@Override
	public Class<EmbeddingModelObservationContext> contextType() {
		return EmbeddingModelObservationContext.class;
	}

	@Override
	public String spanName(EmbeddingModelObservationContext context) {
		String model = requestModel(context);
		return (model != null) ? OPERATION + " " + model : OPERATION;
	}

	@Override
	public SpanKind spanKind(EmbeddingModelObservationContext context) {
		return SpanKind.LLM;
	}

	@Override
	public boolean joinsCurrentModelCall() {
		return true;
	}

	@Override
	public void started(EmbeddingModelObservationContext context, Span span) {
		span.setAttribute(AgentSemantics.OPERATION_NAME, OPERATION);
		span.setAttribute(AgentSemantics.PROVIDER_NAME,
				GenAiProviders.wellKnown(context.getOperationMetadata().provider()));
		String model = requestModel(context);
		if (model != null) {
			span.setModel(model);
		}
		EmbeddingOptions options = context.getRequest().getOptions();
		if (options != null) {
			ChatModelSpans.setIfPresent(span, "gen_ai.embeddings.dimension.count", options.getDimensions());
		}
		span.setInput(Map.of("texts", context.getRequest().getInstructions()));
	}

	@Override
	public void stopped(EmbeddingModelObservationContext context, Span span) {
		EmbeddingResponse response = context.getResponse();
		if (response == null) {
			return;
		}
		EmbeddingResponseMetadata metadata = response.getMetadata();
		if (metadata != null) {
			ChatModelSpans.setIfPresent(span, AgentSemantics.RESPONSE_MODEL,
					ChatModelSpans.emptyToNull(metadata.getModel()));
			ChatModelSpans.usage(span, metadata.getUsage());
		}
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("embeddings", response.getResults().size());
		if (!response.getResults().isEmpty()) {
			output.put("dimensions", response.getResults().get(0).getOutput().length);
		}
		span.setOutput(output);
	}

	private static @Nullable String requestModel(EmbeddingModelObservationContext context) {
		EmbeddingOptions options = context.getRequest().getOptions();
		return (options != null) ? ChatModelSpans.emptyToNull(options.getModel()) : null;
	}

}
