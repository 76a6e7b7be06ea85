package io.agenttracing.integration.springai;

import java.util.List;

import io.agenttracing.internal.trace.ModelPricing;
import io.agenttracing.Span;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.Tracing;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.export.memory.TraceQuery;
import io.agenttracing.internal.export.ExportPipeline;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embedding calls and a vector store traced with no annotation: writes and reads are
 * MEMORY spans, embeddings are LLM spans with tokens and cost.
 */
@SpringBootTest(classes = SpringAiRetrievalTracingTests.Application.class,
		properties = { "agent.tracing.exporters.console.enabled=false", "agent.tracing.export.schedule-delay=10ms" })
class SpringAiRetrievalTracingTests {

	@Autowired
	private SimpleVectorStore store;

	@Autowired
	private ExportPipeline pipeline;

	@Autowired
	private InMemoryTraceExporter memory;

	@Test
	void addingAndSearchingDocumentsAreMemorySpansWithTheirEmbeddingCalls() {
		try (Span span = Tracing.startSpan("KnowledgeBase.refresh", SpanKind.WORKFLOW)) {
			this.store.add(List.of(new Document("Paris is the capital of France"),
					new Document("Rome is the capital of Italy")));
			List<Document> found = this.store
				.similaritySearch(SearchRequest.builder().query("capital of France").topK(1).build());
			assertThat(found).hasSize(1);
		}

		assertThat(this.pipeline.flush(java.time.Duration.ofSeconds(5))).isTrue();
		TraceData trace = this.memory.findAll(TraceQuery.all()).get(0);
		SpanData write = SpringAiTracingTests.span(trace, "simple add");
		assertThat(write.kind()).isEqualTo(SpanKind.MEMORY);
		assertThat(write.attributes()).containsEntry("memory.operation", "write")
			.containsEntry("db.system.name", "simple");
		SpanData read = SpringAiTracingTests.span(trace, "simple query");
		assertThat(read.kind()).isEqualTo(SpanKind.MEMORY);
		assertThat(read.attributes()).containsEntry("memory.operation", "read")
			.containsEntry("db.vector.query.top_k", 1);
		assertThat(String.valueOf(read.input())).contains("capital of France");
		assertThat(String.valueOf(read.output())).contains("\"documents\":[{\"id\":").contains("\"score\":");

		List<SpanData> embeddings = SpringAiTracingTests.ofKind(trace, SpanKind.LLM);
		assertThat(embeddings).isNotEmpty().allSatisfy((embedding) -> {
			assertThat(embedding.name()).isEqualTo("embeddings text-embedding-3-small");
			assertThat(embedding.attributes()).containsEntry("gen_ai.operation.name", "embeddings")
				.containsKey(Span.INPUT_TOKENS_ATTRIBUTE)
				.containsKey(ModelPricing.COST_ATTRIBUTE);
			assertThat(String.valueOf(embedding.output())).contains("\"dimensions\":4");
		});
		assertThat(embeddings).anySatisfy((embedding) -> assertThat(SpringAiTracingTests.isUnder(trace, embedding, read)
				|| SpringAiTracingTests.isUnder(trace, embedding, write))
			.isTrue());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		SimpleVectorStore vectorStore(ObservationRegistry registry) {
			return SimpleVectorStore.builder(new ScriptedEmbeddingModel(registry))
				.observationRegistry(registry)
				.build();
		}

	}

}
