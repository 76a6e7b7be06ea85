package io.agenttracing.export;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.agenttracing.internal.trace.PendingExport;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.Tracing;
import io.agenttracing.internal.export.console.ConsoleTraceExporter;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.export.memory.TraceQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleAndMemoryExporterTest {

	private final List<PendingExport> exported = new ArrayList<>();

	private final RecordingTracer tracer = RecordingTracer.builder().sink(this.exported::add).build();

	private TraceData agentTrace(String session, boolean failTool) {
		try (Span root = this.tracer.startSpan("ChatWorkflow.handle", SpanKind.WORKFLOW)) {
			java.util.Objects.requireNonNull(this.tracer.currentTrace()).setSessionId(session);
			try (Span llm = this.tracer.startSpan("LlmClient.complete", SpanKind.LLM)) {
				llm.setModel("sim-1");
			}
			try (Span tool = this.tracer.startSpan("WeatherTool.lookup", SpanKind.TOOL)) {
				if (failTool) {
					tool.setError(new IllegalStateException("Atlantis is under water"));
				}
			}
			root.setStatus(SpanStatus.OK);
		}
		return this.exported.get(this.exported.size() - 1).snapshot();
	}

	@Test
	void treeShowsNestingDurationsStatusAndTimeline() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ConsoleTraceExporter console = new ConsoleTraceExporter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
				ConsoleTraceExporter.Format.TREE);
		TraceData trace = agentTrace("s1", true);
		console.export(trace);
		List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).startsWith("Trace " + trace.traceId() + "  ChatWorkflow.handle  OK")
			.contains("3 spans")
			.contains("session=s1");
		assertThat(lines.get(1)).startsWith("└─ ChatWorkflow.handle [WORKFLOW]").contains(" OK ").contains(" ms ");
		assertThat(lines.get(2)).startsWith("   ├─ LlmClient.complete [LLM]");
		assertThat(lines.get(3)).startsWith("   └─ WeatherTool.lookup [TOOL]")
			.contains("ERROR")
			.endsWith("java.lang.IllegalStateException: Atlantis is under water");
		assertThat(lines.subList(1, 4)).allSatisfy((line) -> assertThat(line).containsPattern("\\|[█ ]{30}\\|"));
		assertThat(lines.get(1)).contains("|" + "█".repeat(30) + "|");
	}

	@Test
	void jsonFormatPrintsOneLinePerTraceInTheEndpointShape() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ConsoleTraceExporter console = new ConsoleTraceExporter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
				ConsoleTraceExporter.Format.JSON);
		TraceData trace = agentTrace("s1", false);
		console.export(trace);
		console.export(trace);
		List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(2).allSatisfy((line) -> assertThat(line).isEqualTo(trace.toJson()));
		assertThat(lines.get(0)).startsWith("{\"traceId\":\"" + trace.traceId() + "\"");
	}

	@Test
	void memoryKeepsTheNewestTracesAndFilters() {
		InMemoryTraceExporter memory = new InMemoryTraceExporter(3);
		List<TraceData> traces = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			TraceData trace = agentTrace("s" + (i % 2), i == 4);
			traces.add(trace);
			memory.export(trace);
		}
		assertThat(memory.size()).isEqualTo(3);
		assertThat(memory.findAll(TraceQuery.all())).extracting(TraceData::traceId)
			.containsExactly(traces.get(4).traceId(), traces.get(3).traceId(), traces.get(2).traceId());
		assertThat(memory.findById(traces.get(0).traceId())).isEmpty();
		assertThat(memory.findAll(new TraceQuery(null, null, "s1", 10))).extracting(TraceData::traceId)
			.containsExactly(traces.get(3).traceId());
		assertThat(memory.findAll(new TraceQuery(SpanKind.WORKFLOW, SpanStatus.OK, null, 1))).hasSize(1);
		// A trace matches a kind when any of its spans has it, not only its root.
		assertThat(memory.findAll(new TraceQuery(SpanKind.LLM, null, null, 10))).hasSize(3);
		assertThat(memory.findAll(new TraceQuery(SpanKind.NETWORK, null, null, 10))).isEmpty();
		memory.clear();
		assertThat(memory.findAll(TraceQuery.all())).isEmpty();
	}

	@Test
	void memoryMergesLateFragmentsIntoTheirTrace() {
		InMemoryTraceExporter memory = new InMemoryTraceExporter(10);
		Span late;
		try (Span root = this.tracer.startSpan("root", SpanKind.AGENT)) {
			late = this.tracer.startSpan("background", SpanKind.TOOL);
			this.tracer.leaveScope(late);
		}
		memory.export(this.exported.get(0).snapshot());
		late.end();
		memory.export(this.exported.get(1).snapshot());
		TraceData merged = memory.findById(this.exported.get(0).traceId()).orElseThrow();
		assertThat(merged.fragment()).isFalse();
		assertThat(merged.spans()).extracting("name").containsExactly("root", "background");
		assertThat(merged.roots()).extracting("name").containsExactly("root");
	}

}
