package io.agenttracing.export.jsonl;

import io.agenttracing.internal.export.jsonl.JsonLinesTraceExporter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.agenttracing.internal.trace.PendingExport;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;

import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.internal.capture.JsonValueCapturer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesTraceExporterTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<PendingExport> finished = new ArrayList<>();

	private final RecordingTracer tracer = RecordingTracer.builder()
		.sink(this.finished::add)
		.capturer(new JsonValueCapturer(100, List.of()))
		.build();

	@TempDir
	Path directory;

	private TraceData trace(int n) {
		try (Span root = this.tracer.startSpan("agent-" + n, SpanKind.AGENT)) {
			root.setInput(Map.of("n", n, "text", "line\nbreak \"quoted\""));
			try (Span tool = this.tracer.startSpan("tool", SpanKind.TOOL)) {
				tool.setOutput(n * 2);
			}
		}
		return this.finished.get(this.finished.size() - 1).snapshot();
	}

	@Test
	void eachTraceIsOneLineThatReadsBackAsTheEndpointJson() throws Exception {
		Path file = this.directory.resolve("out/traces.jsonl");
		JsonLinesTraceExporter exporter = new JsonLinesTraceExporter(file, 1_000_000, 3);
		List<TraceData> traces = List.of(trace(1), trace(2), trace(3));
		traces.forEach(exporter::export);
		exporter.flush();
		exporter.shutdown();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		assertThat(lines).hasSize(3);
		for (int i = 0; i < 3; i++) {
			Object read = JSON.readValue(lines.get(i), Object.class);
			Object expected = JSON.readValue(traces.get(i).toJson(), Object.class);
			assertThat(read).isEqualTo(expected);
		}
		assertThat(JSON.readTree(lines.get(1)).get("spans").get(0).get("input").get("text").asString())
			.isEqualTo("line\nbreak \"quoted\"");
	}

	@Test
	void concurrentExportsNeverInterleaveLines() throws Exception {
		Path file = this.directory.resolve("traces.jsonl");
		JsonLinesTraceExporter exporter = new JsonLinesTraceExporter(file, 100_000_000, 3);
		TraceData trace = trace(7);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> writes = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			writes.add(pool.submit(() -> exporter.export(trace)));
		}
		for (Future<?> write : writes) {
			write.get();
		}
		pool.shutdown();
		exporter.shutdown();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		assertThat(lines).hasSize(200).allSatisfy((line) -> assertThat(line).isEqualTo(trace.toJson()));
	}

	@Test
	void rotatesAtTheSizeLimitAndKeepsABoundedNumberOfFiles() throws Exception {
		Path file = this.directory.resolve("traces.jsonl");
		TraceData trace = trace(1);
		int lineLength = trace.toJson().getBytes(StandardCharsets.UTF_8).length + 1;
		JsonLinesTraceExporter exporter = new JsonLinesTraceExporter(file, lineLength * 2L, 2);
		for (int i = 0; i < 9; i++) {
			exporter.export(trace);
		}
		exporter.shutdown();
		assertThat(Files.readAllLines(file)).hasSize(1);
		assertThat(Files.readAllLines(this.directory.resolve("traces.jsonl.1"))).hasSize(2);
		assertThat(Files.readAllLines(this.directory.resolve("traces.jsonl.2"))).hasSize(2);
		assertThat(this.directory.resolve("traces.jsonl.3")).doesNotExist();
	}

}
