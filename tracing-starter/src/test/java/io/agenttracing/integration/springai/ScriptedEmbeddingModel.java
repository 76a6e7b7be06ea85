package io.agenttracing.integration.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResponseMetadata;
import org.springframework.ai.embedding.observation.DefaultEmbeddingModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationDocumentation;
import org.springframework.ai.embedding.AbstractEmbeddingModel;

/**
 * An embedding model whose vectors count a few letters of the text, observed as Spring
 * AI's provider models observe their calls: texts sharing words land close together.
 */
class ScriptedEmbeddingModel extends AbstractEmbeddingModel {

	static final String MODEL = "text-embedding-3-small";

	private final ObservationRegistry registry;

	ScriptedEmbeddingModel(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		EmbeddingRequest withModel = new EmbeddingRequest(request.getInstructions(),
				EmbeddingOptions.builder().model(MODEL).build());
		EmbeddingModelObservationContext context = EmbeddingModelObservationContext.builder()
			.embeddingRequest(withModel)
			.provider("scripted")
			.build();
		return EmbeddingModelObservationDocumentation.EMBEDDING_MODEL_OPERATION
			.observation(null, new DefaultEmbeddingModelObservationConvention(), () -> context, this.registry)
			.observe(() -> {
				List<Embedding> embeddings = new ArrayList<>();
				int tokens = 0;
				for (String text : withModel.getInstructions()) {
					embeddings.add(new Embedding(vector(text), embeddings.size()));
					tokens += text.split("\\s+").length;
				}
				EmbeddingResponse response = new EmbeddingResponse(embeddings,
						new EmbeddingResponseMetadata(MODEL, new DefaultUsage(tokens, 0)));
				context.setResponse(response);
				return response;
			});
	}

	@Override
	public float[] embed(Document document) {
		return vector(String.valueOf(document.getText()));
	}

	private static float[] vector(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		float[] vector = new float[4];
		String letters = "aeio";
		for (int i = 0; i < lower.length(); i++) {
			int index = letters.indexOf(lower.charAt(i));
			if (index >= 0) {
				vector[index]++;
			}
		}
		return vector;
	}

}
