package io.agenttracing.export.otlp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.agenttracing.internal.trace.PendingExport;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.Tracing;
import io.agenttracing.internal.capture.JsonValueCapturer;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.agenttracing.export.otlp.FakeOtlpCollector.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtlpTraceExporterTest {

	private final FakeOtlpCollector collector = new FakeOtlpCollector();

	private final List<PendingExport> finished = new ArrayList<>();

	private final RecordingTracer tracer = RecordingTracer.builder()
		.sink(this.finished::add)
		.capturer(new JsonValueCapturer(1000, List.of("password")))
		.build();

	@BeforeEach
	void install() {
		Tracing.install(this.tracer);
	}

	@AfterEach
	void stop() {
		Tracing.uninstall(this.tracer);
		this.collector.close();
	}

	private TraceData agentTrace() {
		try (Span workflow = this.tracer.startSpan("ChatWorkflow.handle", SpanKind.WORKFLOW)) {
			Tracing.setSessionId("session-9");
			workflow.setInput(Map.of("message", "weather in Atlantis?")).setTag("env", "test");
			try (Span memory = this.tracer.startSpan("ConversationMemory.load", SpanKind.MEMORY)) {
				memory.setOutput(List.of());
			}
			try (Span network = this.tracer.startSpan("KnowledgeClient.search", SpanKind.NETWORK)) {
				network.setAttribute("user.id", "user-3");
			}
			try (Span agent = this.tracer.startSpan("ResearchAgent.respond", SpanKind.AGENT)) {
				try (Span llm = this.tracer.startSpan("OpenAiClient.complete", SpanKind.LLM)) {
					llm.setModel("gpt-4o-mini")
						.setTokenUsage(120, 30)
						.setAttribute("gen_ai.provider.name", "openai")
						.addSignal("cost", 0.0021)
						.addEvent("first-token");
				}
				try (Span tool = this.tracer.startSpan("WeatherTool.call", SpanKind.TOOL)) {
					tool.setError(new IllegalStateException("No weather station in Atlantis"));
				}
			}
			workflow.setOutput("done");
		}
		return this.finished.get(0).snapshot();
	}

	private OtlpTraceExporter exporter() {
		return OtlpTraceExporter.builder()
			.endpoint(this.collector.endpoint())
			.headers(Map.of("Authorization", "Basic cGs6c2s="))
			.serviceName("agent-app")
			.serviceVersion("1.2.3")
			.compression("gzip")
			.timeout(Duration.ofSeconds(5))
			.build();
	}

	@Test
	void exportsSpansWithTheConventionsBackendsRender() {
		TraceData trace = agentTrace();
		OtlpTraceExporter exporter = exporter();
		exporter.export(trace);
		exporter.shutdown();

		assertThat(this.collector.requests()).hasSize(1);
		assertThat(this.collector.headers().get(0).get("Authorization")).containsExactly("Basic cGs6c2s=");
		var resource = this.collector.firstResource().getResource().getAttributesList();
		assertThat(attribute(resource, "service.name")).isEqualTo("agent-app");
		assertThat(attribute(resource, "service.version")).isEqualTo("1.2.3");
		assertThat(attribute(resource, "telemetry.sdk.name")).isEqualTo("agent-tracing");
		assertThat(attribute(resource, "telemetry.sdk.language")).isEqualTo("java");
		assertThat(attribute(resource, "telemetry.sdk.version")).isNotNull();
		assertThat(this.collector.firstScope().getScope().getName()).isEqualTo("io.agenttracing");

		var spans = this.collector.spans();
		assertThat(spans).hasSize(trace.spanCount());
		for (io.agenttracing.SpanData ours : trace.spans()) {
			var theirs = spans.stream()
				.filter((s) -> hex(s.getSpanId().toByteArray()).equals(ours.spanId()))
				.findFirst()
				.orElseThrow();
			assertThat(hex(theirs.getTraceId().toByteArray())).isEqualTo(trace.traceId());
			assertThat(hex(theirs.getParentSpanId().toByteArray()))
				.isEqualTo((ours.parentId() != null) ? ours.parentId() : "");
			assertThat(theirs.getName()).isEqualTo(ours.name());
			assertThat(theirs.getEndTimeUnixNano()).isGreaterThanOrEqualTo(theirs.getStartTimeUnixNano());
			assertThat(attribute(theirs.getAttributesList(), "session.id")).isEqualTo("session-9");
			assertThat(attribute(theirs.getAttributesList(), "gen_ai.conversation.id")).isEqualTo("session-9");
			assertThat(attribute(theirs.getAttributesList(), "user.id")).isEqualTo("user-3");
		}

		var workflow = span(spans, "ChatWorkflow.handle");
		assertThat(workflow.getKind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_INTERNAL);
		assertThat(attribute(workflow.getAttributesList(), "openinference.span.kind")).isEqualTo("CHAIN");
		assertThat(attribute(workflow.getAttributesList(), "gen_ai.operation.name")).isEqualTo("invoke_workflow");
		assertThat(attribute(workflow.getAttributesList(), "gen_ai.workflow.name")).isEqualTo("ChatWorkflow.handle");
		assertThat(attribute(workflow.getAttributesList(), "input.value"))
			.isEqualTo("{\"message\":\"weather in Atlantis?\"}");
		assertThat(attribute(workflow.getAttributesList(), "input.mime_type")).isEqualTo("application/json");
		assertThat(attribute(workflow.getAttributesList(), "output.value")).isEqualTo("\"done\"");
		assertThat(attribute(workflow.getAttributesList(), "tag.tags")).isEqualTo(List.of("env:test"));
		assertThat(workflow.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_OK);

		var memory = span(spans, "ConversationMemory.load");
		assertThat(attribute(memory.getAttributesList(), "openinference.span.kind")).isEqualTo("RETRIEVER");
		assertThat(memory.getKind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_INTERNAL);
		var network = span(spans, "KnowledgeClient.search");
		assertThat(network.getKind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT);
		assertThat(attribute(network.getAttributesList(), "openinference.span.kind")).isEqualTo("CHAIN");

		var agent = span(spans, "ResearchAgent.respond");
		assertThat(attribute(agent.getAttributesList(), "openinference.span.kind")).isEqualTo("AGENT");
		assertThat(attribute(agent.getAttributesList(), "gen_ai.operation.name")).isEqualTo("invoke_agent");
		assertThat(attribute(agent.getAttributesList(), "gen_ai.agent.name")).isEqualTo("ResearchAgent");

		var llm = span(spans, "OpenAiClient.complete");
		var llmAttributes = llm.getAttributesList();
		assertThat(llm.getKind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT);
		assertThat(attribute(llmAttributes, "openinference.span.kind")).isEqualTo("LLM");
		assertThat(attribute(llmAttributes, "gen_ai.operation.name")).isEqualTo("chat");
		assertThat(attribute(llmAttributes, "gen_ai.provider.name")).isEqualTo("openai");
		assertThat(attribute(llmAttributes, "gen_ai.request.model")).isEqualTo("gpt-4o-mini");
		// A response model is only what the provider said it answered with.
		assertThat(attribute(llmAttributes, "gen_ai.response.model")).isNull();
		assertThat(attribute(llmAttributes, "llm.model_name")).isEqualTo("gpt-4o-mini");
		assertThat(attribute(llmAttributes, "gen_ai.usage.input_tokens")).isEqualTo(120L);
		assertThat(attribute(llmAttributes, "gen_ai.usage.output_tokens")).isEqualTo(30L);
		assertThat(attribute(llmAttributes, "llm.token_count.prompt")).isEqualTo(120L);
		assertThat(attribute(llmAttributes, "llm.token_count.completion")).isEqualTo(30L);
		assertThat(attribute(llmAttributes, "llm.token_count.total")).isEqualTo(150L);
		assertThat(attribute(llmAttributes, "llm.cost.total")).isEqualTo(0.0021);
		assertThat(llm.getEventsList()).extracting("name").containsExactly("first-token");

		var tool = span(spans, "WeatherTool.call");
		assertThat(attribute(tool.getAttributesList(), "openinference.span.kind")).isEqualTo("TOOL");
		assertThat(attribute(tool.getAttributesList(), "gen_ai.operation.name")).isEqualTo("execute_tool");
		assertThat(attribute(tool.getAttributesList(), "gen_ai.tool.name")).isEqualTo("WeatherTool.call");
		assertThat(attribute(tool.getAttributesList(), "error.type")).isEqualTo("java.lang.IllegalStateException");
		assertThat(tool.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
		assertThat(tool.getStatus().getMessage()).isEqualTo("No weather station in Atlantis");
		var exception = tool.getEventsList().get(0);
		assertThat(exception.getName()).isEqualTo("exception");
		assertThat(attribute(exception.getAttributesList(), "exception.type"))
			.isEqualTo("java.lang.IllegalStateException");
		assertThat(attribute(exception.getAttributesList(), "exception.message"))
			.isEqualTo("No weather station in Atlantis");
		assertThat((String) attribute(exception.getAttributesList(), "exception.stacktrace")).contains("\tat ");
	}

	@Test
	void rejectedExportFailsSoThePipelineCountsIt() {
		this.collector.mode(FakeOtlpCollector.Mode.ERROR_500);
		OtlpTraceExporter exporter = exporter();
		assertThatThrownBy(() -> exporter.export(agentTrace())).isInstanceOf(RuntimeException.class)
			.hasMessageContaining("OTLP export of trace");
		assertThat(this.collector.attempts()).isEqualTo(1);
	}

	@Test
	void retryableAnswersAreRetriedWithBackoff() {
		this.collector.mode(FakeOtlpCollector.Mode.UNAVAILABLE_503);
		OtlpTraceExporter exporter = OtlpTraceExporter.builder()
			.endpoint(this.collector.endpoint())
			.retryPolicy(io.opentelemetry.sdk.common.export.RetryPolicy.builder()
				.setMaxAttempts(3)
				.setInitialBackoff(Duration.ofMillis(10))
				.setMaxBackoff(Duration.ofMillis(20))
				.build())
			.build();
		assertThatThrownBy(() -> exporter.export(agentTrace())).isInstanceOf(RuntimeException.class);
		assertThat(this.collector.attempts()).isEqualTo(3);
	}

	@Test
	void grpcWithoutAGrpcSenderFailsNamingTheDependency() {
		assertThatThrownBy(() -> OtlpTraceExporter.builder().protocol("grpc").endpoint("http://127.0.0.1:4317").build())
			.hasMessageContaining("io.opentelemetry:opentelemetry-exporter-sender-okhttp");
	}

	private static io.opentelemetry.proto.trace.v1.Span span(List<io.opentelemetry.proto.trace.v1.Span> spans,
			String name) {
		return spans.stream().filter((span) -> span.getName().equals(name)).findFirst().orElseThrow();
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
