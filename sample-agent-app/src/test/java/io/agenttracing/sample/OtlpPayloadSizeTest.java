package io.agenttracing.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.agenttracing.TraceData;
import io.agenttracing.export.memory.TraceRepository;
import io.agenttracing.export.otlp.OtlpTraceExporter;
import io.agenttracing.export.semconv.AttributeConventions;
import io.agenttracing.export.semconv.AttributeConventions.Family;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How big the OTLP export of one of the sample's chats is with each choice of
 * {@code agent.tracing.exporters.otlp.conventions}: uncompressed protobuf bytes as they
 * reach the collector. README reports the figures this prints. And what a GenAI backend
 * reads of the annotated agent's chat, decoded with the official protobuf classes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.exporters.console.enabled=false", "agent.tracing.export.schedule-delay=10ms",
				"sample.llm.simulated-latency=1ms" })
class OtlpPayloadSizeTest {

	@LocalServerPort
	int port;

	@Autowired
	TraceRepository traces;

	@Test
	void eachFamilyAddsItsOwnCopyOfTheContentAndNoMore() throws IOException {
		String traceId = new Http(this.port).chat("payload", "What is (12+3)*7, and what is the weather in Rome?")
			.json()
			.get("traceId")
			.asString();
		TraceData trace = await().until(() -> this.traces.findById(traceId).orElse(null), (found) -> found != null);

		Map<String, Integer> sizes = new LinkedHashMap<>();
		for (List<Family> families : List.of(List.<Family>of(), List.of(Family.GENAI), List.of(Family.OPENINFERENCE),
				List.of(Family.LANGFUSE), List.of(Family.GENAI, Family.OPENINFERENCE),
				List.of(Family.GENAI, Family.OPENINFERENCE, Family.LANGFUSE))) {
			sizes.put(families.isEmpty() ? "(none)" : families.toString(), exportedBytes(trace, families));
		}
		System.out.println("OTLP payload of one chat (" + trace.spanCount() + " spans), bytes: " + sizes);

		int none = sizes.get("(none)");
		int genAi = sizes.get("[GENAI]");
		int openInference = sizes.get("[OPENINFERENCE]");
		int langfuse = sizes.get("[LANGFUSE]");
		int byDefault = sizes.get("[GENAI, OPENINFERENCE]");
		int all = sizes.get("[GENAI, OPENINFERENCE, LANGFUSE]");
		assertThat(List.of(genAi, openInference, langfuse)).allSatisfy((size) -> assertThat(size).isGreaterThan(none));
		// Two families cost about the two of them, three about the three: content is
		// written once per family, never more.
		assertThat(byDefault).isLessThan(genAi + openInference - none + 200);
		assertThat(all).isLessThan(genAi + openInference + langfuse - 2 * none + 300);
	}

	@Test
	void theAnnotatedAgentsChatReadsInTheGenAiConventions() throws IOException {
		String traceId = new Http(this.port).chat("genai", "What is (12+3)*7?").json().get("traceId").asString();
		TraceData trace = await().until(() -> this.traces.findById(traceId).orElse(null), (found) -> found != null);
		List<byte[]> requests = new CopyOnWriteArrayList<>();
		export(trace, List.of(Family.GENAI, Family.OPENINFERENCE, Family.LANGFUSE), requests);
		List<Span> spans = new java.util.ArrayList<>();
		for (byte[] request : requests) {
			ExportTraceServiceRequest.parseFrom(request)
				.getResourceSpansList()
				.forEach((resource) -> resource.getScopeSpansList()
					.forEach((scope) -> spans.addAll(scope.getSpansList())));
		}

		Span llm = spans.stream().filter((span) -> span.getName().endsWith("LlmClient.complete")).findFirst().get();
		assertThat(attribute(llm, "gen_ai.operation.name")).isEqualTo("chat");
		assertThat(attribute(llm, "gen_ai.request.model")).isNotNull();
		assertThat(attribute(llm, "gen_ai.usage.input_tokens")).isNotNull();
		assertThat(attribute(llm, "gen_ai.system_instructions")).asString().contains("research agent");
		assertThat(attribute(llm, "gen_ai.input.messages")).asString()
			.contains("\"role\":\"user\"")
			.contains("What is (12+3)*7?");
		assertThat(attribute(llm, "gen_ai.output.messages")).asString().contains("\"role\":\"assistant\"");
		assertThat(attribute(llm, "langfuse.observation.type")).isEqualTo("generation");
		assertThat(attribute(llm, "langfuse.observation.prompt.name")).isEqualTo("research-agent-system");
		assertThat(attribute(llm, "langfuse.observation.prompt.version")).isEqualTo("2");
		Span tool = spans.stream().filter((span) -> span.getName().equals("CalculatorTool.call")).findFirst().get();
		assertThat(attribute(tool, "gen_ai.operation.name")).isEqualTo("execute_tool");
		assertThat(attribute(tool, "gen_ai.tool.call.arguments")).asString().contains("12+3");
		assertThat(attribute(tool, "gen_ai.tool.call.result")).asString().contains("105");
		Span agent = spans.stream().filter((span) -> span.getName().equals("ResearchAgent.respond")).findFirst().get();
		assertThat(attribute(agent, "gen_ai.operation.name")).isEqualTo("invoke_agent");
		assertThat(attribute(agent, "gen_ai.agent.name")).isEqualTo("research-agent");
		assertThat(attribute(agent, "gen_ai.conversation.id")).isEqualTo("genai");
		Span workflow = spans.stream().filter((span) -> span.getName().equals("ChatWorkflow.handle")).findFirst().get();
		assertThat(attribute(workflow, "gen_ai.operation.name")).isEqualTo("invoke_workflow");
		assertThat(attribute(workflow, "langfuse.trace.name")).isEqualTo("ChatWorkflow.handle");
		assertThat(attribute(workflow, "langfuse.session.id")).isEqualTo("genai");
	}

	private static Object attribute(Span span, String key) {
		return span.getAttributesList()
			.stream()
			.filter((attribute) -> attribute.getKey().equals(key))
			.map((attribute) -> attribute.getValue().hasStringValue() ? attribute.getValue().getStringValue()
					: attribute.getValue().hasIntValue() ? (Object) attribute.getValue().getIntValue()
							: attribute.getValue().toString())
			.findFirst()
			.orElse(null);
	}

	private static int exportedBytes(TraceData trace, List<Family> families) throws IOException {
		return export(trace, families, new CopyOnWriteArrayList<>());
	}

	/**
	 * Exports the trace; each request's bytes go to {@code requests}; answers their
	 * total.
	 */
	private static int export(TraceData trace, List<Family> families, List<byte[]> requests) throws IOException {
		List<Integer> sizes = new CopyOnWriteArrayList<>();
		HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		collector.createContext("/v1/traces", (exchange) -> {
			try (exchange) {
				byte[] body = exchange.getRequestBody().readAllBytes();
				requests.add(body);
				sizes.add(body.length);
				exchange.sendResponseHeaders(200, 0);
				try (OutputStream out = exchange.getResponseBody()) {
					out.flush();
				}
			}
		});
		collector.start();
		try {
			OtlpTraceExporter exporter = OtlpTraceExporter.builder()
				.endpoint("http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces")
				.compression("none")
				.conventions(AttributeConventions.of(families))
				.build();
			exporter.export(trace);
			exporter.shutdown();
			return sizes.stream().mapToInt(Integer::intValue).sum();
		}
		finally {
			collector.stop(0);
		}
	}

}
