package io.agenttracing.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.export.memory.TraceQuery;
import io.agenttracing.internal.capture.JsonValueCapturer;
import io.agenttracing.internal.store.JdbcTraceStore;
import io.agenttracing.internal.store.StoreSchema;
import io.agenttracing.internal.trace.PendingExport;
import io.agenttracing.internal.trace.RecordingTracer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JDBC trace store on an embedded PostgreSQL: how many traces a second its export
 * lane stores (the sample's 10-span chat, in the batches the pipeline hands it), and how
 * long the endpoint's list and search take with {@value #STORED} traces stored. Run with
 * {@code ./mvnw -Pbenchmarks -pl tracing-benchmarks exec:java
 * -Dexec.mainClass=io.agenttracing.benchmarks.JdbcStoreBenchmark}.
 */
public final class JdbcStoreBenchmark {

	static final int STORED = 100_000;

	static final int BATCH = 50;

	private JdbcStoreBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<PendingExport> finished = new ArrayList<>();
		RecordingTracer tracer = RecordingTracer.builder()
			.sink(finished::add)
			.capturer(new JsonValueCapturer(4096, List.of()))
			.build();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			DataSource dataSource = postgres.getPostgresDatabase();
			StoreSchema schema = new StoreSchema(dataSource, "BENCH_", true);
			JdbcTraceStore store = new JdbcTraceStore(new JdbcTemplate(dataSource),
					new TransactionTemplate(new DataSourceTransactionManager(dataSource)), schema, 1000);
			store.findAll(TraceQuery.all());
			long insertNanos = 0;
			for (int stored = 0; stored < STORED; stored += BATCH) {
				List<TraceData> batch = new ArrayList<>(BATCH);
				for (int i = 0; i < BATCH; i++) {
					finished.clear();
					chat(tracer, stored + i);
					batch.add(finished.get(0).snapshot());
				}
				long start = System.nanoTime();
				store.export(batch).toCompletableFuture().join();
				insertNanos += System.nanoTime() - start;
				if (stored == 10_000 - BATCH) {
					System.out.printf("first 10,000 traces: %.0f traces/s%n", 10_000 / (insertNanos / 1e9));
				}
			}
			System.out.printf("stored %d traces of 10 spans: %.0f traces/s (%.2f ms per batch of %d)%n", STORED,
					STORED / (insertNanos / 1e9), insertNanos / 1e6 / (STORED / BATCH), BATCH);
			new JdbcTemplate(dataSource).execute("ANALYZE BENCH_TRACE");
			report("list, newest 50", () -> store.findAll(new TraceQuery(null, null, null, 50)));
			report("list, one session", () -> store.findAll(new TraceQuery(null, null, "session-4242", 50)));
			report("list, with errors",
					() -> store.findAll(new TraceQuery(null, null, null, 50, null, true, null, null)));
			report("search q=rome",
					() -> store.findAll(new TraceQuery(null, null, null, 50, "rome", null, null, null)));
			report("search q=no-such-text",
					() -> store.findAll(new TraceQuery(null, null, null, 50, "no-such-text", null, null, null)));
			report("one trace by id", () -> store.findById(finished.get(0).traceId()));
		}
	}

	private static void chat(RecordingTracer tracer, int n) {
		try (Span workflow = tracer.startSpan("ChatWorkflow.handle", SpanKind.WORKFLOW)) {
			tracer.currentTrace().setSessionId("session-" + (n % 10_000));
			workflow.setInput(Map.of("message", "What is the weather in " + ((n % 7 == 0) ? "Rome" : "Paris") + "?"));
			try (Span memory = tracer.startSpan("ConversationMemory.load", SpanKind.MEMORY)) {
				memory.setOutput(List.of());
			}
			try (Span search = tracer.startSpan("KnowledgeClient.search", SpanKind.NETWORK)) {
				search.setOutput(List.of("Paris is the capital of France"));
			}
			try (Span agent = tracer.startSpan("ResearchAgent.respond", SpanKind.AGENT)) {
				for (int step = 0; step < 2; step++) {
					try (Span llm = tracer.startSpan("SimulatedLlmClient.complete", SpanKind.LLM)) {
						llm.setModel("sim-1").setTokenUsage(60, 12).setOutput(Map.of("content", "step " + step));
					}
				}
				try (Span tool = tracer.startSpan("WeatherTool.call", SpanKind.TOOL)) {
					tool.setInput(Map.of("city", "Paris"));
					if (n % 50 == 0) {
						tool.setError("No weather station");
					}
					else {
						tool.setOutput("sunny, 21°C");
					}
				}
				try (Span tool = tracer.startSpan("CalculatorTool.call", SpanKind.TOOL)) {
					tool.setInput(Map.of("expression", "6*7")).setOutput("42");
				}
			}
			try (Span save = tracer.startSpan("ConversationMemory.save", SpanKind.MEMORY)) {
				save.setInput(Map.of("turns", 2));
			}
		}
	}

	private static void report(String what, Runnable query) {
		for (int i = 0; i < 5; i++) {
			query.run();
		}
		long[] nanos = new long[30];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			query.run();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf("%-24s median %.1f ms, max %.1f ms%n", what, nanos[nanos.length / 2] / 1e6,
				nanos[nanos.length - 1] / 1e6);
	}

}
