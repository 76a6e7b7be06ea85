package io.agenttracing.integration.springai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.internal.semconv.AgentSemantics;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.observation.VectorStoreObservationContext;

/**
 * A vector store operation as a MEMORY span: a query reads (the query and the documents
 * found, with scores), add and delete write.
 */
final class VectorStoreSpans implements ObservationSpanMapping<VectorStoreObservationContext> {

	@Override
	public Class<VectorStoreObservationContext> contextType() {
		return VectorStoreObservationContext.class;
	}

	@Override
	public String spanName(VectorStoreObservationContext context) {
		return context.getDatabaseSystem() + " " + context.getOperationName();
	}

	@Override
	public SpanKind spanKind(VectorStoreObservationContext context) {
		return SpanKind.MEMORY;
	}

	@Override
	public void started(VectorStoreObservationContext context, Span span) {
		boolean query = VectorStoreObservationContext.Operation.QUERY.value().equals(context.getOperationName());
		span.setAttribute(AgentSemantics.MEMORY_OPERATION, query ? "read" : "write");
		span.setAttribute("db.system.name", context.getDatabaseSystem());
		span.setAttribute("db.operation.name", context.getOperationName());
		ChatModelSpans.setIfPresent(span, "db.collection.name", context.getCollectionName());
		ChatModelSpans.setIfPresent(span, "db.vector.dimension_count", context.getDimensions());
		SearchRequest request = context.getQueryRequest();
		if (request != null) {
			span.setAttribute("db.vector.query.top_k", request.getTopK());
			span.setAttribute("db.vector.query.similarity_threshold", request.getSimilarityThreshold());
			span.setInput(Map.of("query", request.getQuery()));
		}
	}

	@Override
	public void stopped(VectorStoreObservationContext context, Span span) {
		List<Document> documents = context.getQueryResponse();
		if (documents == null) {
			return;
		}
		List<Map<String, Object>> found = new ArrayList<>(documents.size());
		for (Document document : documents) {
			Map<String, Object> rendered = new LinkedHashMap<>();
			rendered.put("id", document.getId());
			if (document.getScore() != null) {
				rendered.put("score", document.getScore());
			}
			if (document.getText() != null) {
				rendered.put("text", document.getText());
			}
			found.add(rendered);
		}
		span.setOutput(Map.of("documents", found));
	}

}
