package io.agenttracing.export.otlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.export.semconv.AttributeConventions;
import io.agenttracing.export.semconv.AttributeConventions.Family;
import io.agenttracing.internal.capture.JsonValueCapturer;
import io.agenttracing.internal.trace.PendingExport;
import io.agenttracing.internal.trace.RecordingTracer;
import io.opentelemetry.proto.common.v1.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.agenttracing.export.otlp.FakeOtlpCollector.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a backend reads from the OTLP payload, decoded with the official protobuf classes:
 * the GenAI conventions' message form, each family's content written once, levels, links
 * and prompt identity.
 */
class OtlpSemanticsTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<FakeOtlpCollector> collectors = new ArrayList<>();

	private final List<PendingExport> finished = new ArrayList<>();

	private RecordingTracer tracer = RecordingTracer.builder()
		.sink(this.finished::add)
		.capturer(new JsonValueCapturer(4000, List.of("password")))
		.build();

	@AfterEach
	void stop() {
		this.collectors.forEach(FakeOtlpCollector::close);
	}

	/** A chat turn as the model integrations record it: messages in, a tool call out. */
	private TraceData chat() {
		try (Span agent = this.tracer.startSpan("TravelAgent.plan", SpanKind.AGENT)) {
			agent.setInput(Map.of("user", "Weather in Paris?")).setLevel(Span.Level.WARNING);
			agent.addLink("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", Map.of("link.kind", "resumes"));
			agent.addLink("not-a-trace-id", "00f067aa0ba902b7", Map.of());
			try (Span llm = this.tracer.startSpan("chat gpt-4o-mini", SpanKind.LLM)) {
				llm.setModel("gpt-4o-mini").setTokenUsage(40, 12).setPrompt("travel-planner", "3");
				llm.setAttribute("gen_ai.request.temperature", 0.2);
				llm.setInputJson(
						"""
								{"messages":[{"role":"system","content":"You plan trips."},
								 {"role":"user","content":"Weather in Paris?"},
								 {"role":"assistant","toolCalls":[{"id":"call_1","name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}]},
								 {"role":"tool","toolCallId":"call_1","name":"weather","content":"Sunny"}],
								 "options":{"model":"gpt-4o-mini","tools":["weather"]}}""");
				llm.setOutputJson("""
						{"messages":[{"role":"assistant","content":"It is sunny.","finishReason":"STOP"}]}""");
			}
			try (Span tool = this.tracer.startSpan("weather", SpanKind.TOOL)) {
				tool.setInputJson("{\"city\":\"Paris\"}").setOutputJson("\"Sunny\"");
			}
		}
		return this.finished.get(0).snapshot();
	}

	private List<io.opentelemetry.proto.trace.v1.Span> export(TraceData trace, List<Family> families) {
		FakeOtlpCollector collector = new FakeOtlpCollector();
		this.collectors.add(collector);
		OtlpTraceExporter exporter = OtlpTraceExporter.builder()
			.endpoint(collector.endpoint())
			.conventions(AttributeConventions.of(families))
			.build();
		exporter.export(trace);
		exporter.shutdown();
		return collector.spans();
	}

	private static io.opentelemetry.proto.trace.v1.Span span(List<io.opentelemetry.proto.trace.v1.Span> spans,
			String name) {
		return spans.stream().filter((span) -> span.getName().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void modelCallsCarryTheirContentInTheGenAiMessageForm() {
		var llm = span(export(chat(), List.of(Family.GENAI)), "chat gpt-4o-mini").getAttributesList();

		assertThat(attribute(llm, "gen_ai.operation.name")).isEqualTo("chat");
		assertThat(attribute(llm, "gen_ai.request.model")).isEqualTo("gpt-4o-mini");
		assertThat(attribute(llm, "gen_ai.usage.input_tokens")).isEqualTo(40L);
		assertThat(attribute(llm, "gen_ai.request.temperature")).isEqualTo(0.2);
		JsonNode system = json.readTree((String) attribute(llm, "gen_ai.system_instructions"));
		assertThat(system.get(0).get("type").asString()).isEqualTo("text");
		assertThat(system.get(0).get("content").asString()).isEqualTo("You plan trips.");
		JsonNode input = json.readTree((String) attribute(llm, "gen_ai.input.messages"));
		assertThat(input).hasSize(3);
		assertThat(input.get(0).get("role").asString()).isEqualTo("user");
		assertThat(input.get(0).get("parts").get(0).get("content").asString()).isEqualTo("Weather in Paris?");
		JsonNode call = input.get(1).get("parts").get(0);
		assertThat(call.get("type").asString()).isEqualTo("tool_call");
		assertThat(call.get("id").asString()).isEqualTo("call_1");
		assertThat(call.get("name").asString()).isEqualTo("weather");
		assertThat(call.get("arguments").get("city").asString()).isEqualTo("Paris");
		JsonNode response = input.get(2).get("parts").get(0);
		assertThat(response.get("type").asString()).isEqualTo("tool_call_response");
		assertThat(response.get("id").asString()).isEqualTo("call_1");
		assertThat(response.get("response").asString()).isEqualTo("Sunny");
		JsonNode output = json.readTree((String) attribute(llm, "gen_ai.output.messages"));
		assertThat(output.get(0).get("role").asString()).isEqualTo("assistant");
		assertThat(output.get(0).get("parts").get(0).get("content").asString()).isEqualTo("It is sunny.");
		assertThat(output.get(0).get("finish_reason").asString()).isEqualTo("stop");
		JsonNode tools = json.readTree((String) attribute(llm, "gen_ai.tool.definitions"));
		assertThat(tools.get(0).get("name").asString()).isEqualTo("weather");
		// One family, one copy of the content.
		assertThat(attribute(llm, "input.value")).isNull();
		assertThat(attribute(llm, "langfuse.observation.input")).isNull();
	}

	@Test
	void toolsAndAgentsCarryTheirGenAiNames() {
		var spans = export(chat(), List.of(Family.GENAI));
		var tool = span(spans, "weather").getAttributesList();
		assertThat(attribute(tool, "gen_ai.operation.name")).isEqualTo("execute_tool");
		assertThat(attribute(tool, "gen_ai.tool.name")).isEqualTo("weather");
		assertThat(attribute(tool, "gen_ai.tool.call.arguments")).isEqualTo("{\"city\":\"Paris\"}");
		assertThat(attribute(tool, "gen_ai.tool.call.result")).isEqualTo("\"Sunny\"");
		var agent = span(spans, "TravelAgent.plan").getAttributesList();
		assertThat(attribute(agent, "gen_ai.operation.name")).isEqualTo("invoke_agent");
		assertThat(attribute(agent, "gen_ai.agent.name")).isEqualTo("TravelAgent");
	}

	@Test
	void eachFamilyChosenWritesTheContentOnce() {
		List<KeyValue> both = span(export(chat(), List.of(Family.GENAI, Family.OPENINFERENCE)), "chat gpt-4o-mini")
			.getAttributesList();
		assertThat(both.stream().map(KeyValue::getKey))
			.contains("gen_ai.input.messages", "input.value", "llm.token_count.prompt")
			.doesNotContain("langfuse.observation.input");

		List<KeyValue> langfuse = span(export(chat(), List.of(Family.LANGFUSE)), "chat gpt-4o-mini")
			.getAttributesList();
		assertThat(langfuse.stream().map(KeyValue::getKey)).contains("langfuse.observation.input")
			.doesNotContain("gen_ai.input.messages", "input.value");
		assertThat(attribute(langfuse, "langfuse.observation.type")).isEqualTo("generation");
		assertThat(attribute(langfuse, "langfuse.observation.prompt.name")).isEqualTo("travel-planner");
		assertThat(attribute(langfuse, "langfuse.observation.prompt.version")).isEqualTo("3");
		assertThat(attribute(langfuse, "langfuse.observation.model.name")).isEqualTo("gpt-4o-mini");
		assertThat(
				json.readTree((String) attribute(langfuse, "langfuse.observation.usage_details")).get("input").asInt())
			.isEqualTo(40);
		assertThat(json.readTree((String) attribute(langfuse, "langfuse.observation.model.parameters"))
			.get("temperature")
			.asDouble()).isEqualTo(0.2);
	}

	@Test
	void withCaptureOffNoFamilyWritesContent() {
		this.tracer = RecordingTracer.builder()
			.sink(this.finished::add)
			.capturer(new JsonValueCapturer(4000, List.of()))
			.capture(false, false)
			.build();
		var spans = export(chat(), List.of(Family.GENAI, Family.OPENINFERENCE, Family.LANGFUSE));

		for (var span : spans) {
			assertThat(span.getAttributesList().stream().map(KeyValue::getKey)).doesNotContain("gen_ai.input.messages",
					"gen_ai.output.messages", "gen_ai.system_instructions", "gen_ai.tool.call.arguments",
					"gen_ai.tool.call.result", "input.value", "output.value", "langfuse.observation.input",
					"langfuse.observation.output");
		}
		assertThat(attribute(span(spans, "chat gpt-4o-mini").getAttributesList(), "gen_ai.usage.input_tokens"))
			.isEqualTo(40L);
	}

	@Test
	void levelsAndLinksReachTheBackend() {
		var spans = export(chat(), List.of(Family.GENAI, Family.LANGFUSE));
		var agent = span(spans, "TravelAgent.plan");
		assertThat(attribute(agent.getAttributesList(), "agent.tracing.level")).isEqualTo("WARNING");
		assertThat(attribute(agent.getAttributesList(), "langfuse.observation.level")).isEqualTo("WARNING");
		assertThat(attribute(span(spans, "weather").getAttributesList(), "langfuse.observation.level"))
			.isEqualTo("DEFAULT");
		// The link to a malformed id was dropped, the other kept with its attributes.
		assertThat(agent.getLinksList()).hasSize(1);
		var link = agent.getLinks(0);
		assertThat(java.util.HexFormat.of().formatHex(link.getTraceId().toByteArray()))
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(java.util.HexFormat.of().formatHex(link.getSpanId().toByteArray())).isEqualTo("00f067aa0ba902b7");
		assertThat(attribute(link.getAttributesList(), "link.kind")).isEqualTo("resumes");
		assertThat(attribute(agent.getAttributesList(), "langfuse.trace.name")).isEqualTo("TravelAgent.plan");
	}

}
