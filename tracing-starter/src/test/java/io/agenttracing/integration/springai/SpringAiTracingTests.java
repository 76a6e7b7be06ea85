package io.agenttracing.integration.springai;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agenttracing.internal.trace.ModelPricing;
import io.agenttracing.Span;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;

import io.agenttracing.annotation.Traced;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.export.memory.TraceQuery;
import io.micrometer.observation.ObservationRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring AI agent (Boot's auto-configured ChatClient, chat memory and tool calling
 * manager, a scripted model at the edge) traced with no annotation.
 */
@SpringBootTest(classes = SpringAiTracingTests.Application.class,
		properties = { "agent.tracing.exporters.console.enabled=false", "agent.tracing.export.schedule-delay=10ms" })
class SpringAiTracingTests {

	@Autowired
	private ChatClient.Builder chatClients;

	@Autowired
	private ChatMemory chatMemory;

	@Autowired
	private ExportPipeline pipeline;

	@Autowired
	private InMemoryTraceExporter memory;

	@Autowired
	private TracedModelCaller tracedCaller;

	@Autowired
	private io.micrometer.tracing.Tracer micrometerTracer;

	private WeatherTools tools;

	private ChatClient chatClient;

	@BeforeEach
	void buildClient() {
		this.memory.clear();
		this.tools = new WeatherTools(this.micrometerTracer);
		this.chatClient = this.chatClients.defaultAdvisors(MessageChatMemoryAdvisor.builder(this.chatMemory).build())
			.defaultTools(this.tools)
			.build();
	}

	@Test
	void chatClientCallIsOneTraceOfAgentModelToolAndModel() {
		String answer = this.chatClient.prompt()
			.user("What is the weather in Paris?")
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, "conversation-1"))
			.call()
			.content();

		assertThat(answer).contains("\"celsius\":21");
		TraceData trace = onlyTrace();
		SpanData root = trace.spans().get(0);
		assertThat(root.name()).isEqualTo("ChatClient.call");
		assertThat(root.kind()).isEqualTo(SpanKind.AGENT);
		assertThat(root.parentId()).isNull();
		assertThat(trace.sessionId()).isEqualTo("conversation-1");
		assertThat(json(root.input())).contains("What is the weather in Paris?");
		assertThat(json(root.output())).contains("Here is what I found");
		assertThat(root.attributes()).doesNotContainKeys(Span.INPUT_TOKENS_ATTRIBUTE, Span.OUTPUT_TOKENS_ATTRIBUTE);

		SpanData memoryAdvisor = span(trace, "MessageChatMemoryAdvisor");
		assertThat(memoryAdvisor.kind()).isEqualTo(SpanKind.MEMORY);
		assertThat(isUnder(trace, memoryAdvisor, root)).isTrue();
		// It loads the history and saves the new turn: what it received, and what it
		// saves.
		assertThat(memoryAdvisor.attributes()).containsEntry("memory.operation", "read_write")
			.containsEntry("gen_ai.conversation.id", "conversation-1");
		assertThat(json(memoryAdvisor.input())).contains("What is the weather in Paris?");
		assertThat(json(memoryAdvisor.output())).contains("Here is what I found");

		List<SpanData> modelCalls = ofKind(trace, SpanKind.LLM);
		assertThat(modelCalls).hasSize(2);
		SpanData firstCall = modelCalls.get(0);
		assertThat(firstCall.name()).isEqualTo("chat gpt-4o-mini");
		assertThat(firstCall.attributes()).containsEntry("gen_ai.request.model", "gpt-4o-mini")
			.containsEntry("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
			.containsEntry("gen_ai.provider.name", "scripted")
			.containsEntry("gen_ai.operation.name", "chat")
			.containsEntry(Span.INPUT_TOKENS_ATTRIBUTE, 30)
			.containsEntry(Span.OUTPUT_TOKENS_ATTRIBUTE, 8)
			.containsEntry("gen_ai.response.finish_reasons", List.of("tool_calls"))
			.containsKey("gen_ai.response.id");
		// gpt-4o-mini at 0.15 $ in and 0.60 $ out per million tokens.
		assertThat(firstCall.attributes().get(ModelPricing.COST_ATTRIBUTE)).isEqualTo(0.0000093);
		assertThat(json(firstCall.input())).contains("\"role\":\"user\"")
			.contains("What is the weather in Paris?")
			.contains("\"tools\":[\"weather\"]");
		assertThat(json(firstCall.output())).contains("\"toolCalls\":[{\"id\":")
			.contains("\"name\":\"weather\"")
			.contains("\"finishReason\":\"TOOL_CALLS\"");
		assertThat(isUnder(trace, firstCall, root)).isTrue();

		SpanData tool = span(trace, "weather");
		assertThat(tool.kind()).isEqualTo(SpanKind.TOOL);
		assertThat(tool.status()).isEqualTo(SpanStatus.OK);
		assertThat(json(tool.input())).isEqualTo("{\"city\":\"Paris\"}");
		assertThat(json(tool.output())).contains("\"celsius\":21");
		assertThat(tool.attributes()).containsEntry("gen_ai.tool.name", "weather").containsKey("gen_ai.tool.call.id");
		assertThat(isUnder(trace, tool, root)).isTrue();

		SpanData secondCall = modelCalls.get(1);
		assertThat(json(secondCall.input())).contains("\"role\":\"tool\"").contains("celsius");
		assertThat(secondCall.startTime()).isAfterOrEqualTo(tool.startTime());
		assertThat(totalTokens(trace)).isEqualTo(30 + 8 + 40 + 12);
		// Boot's own tracing (Brave here) still gets Spring AI's observations.
		assertThat(this.tools.micrometerSpan).as("Micrometer Tracing's current span in the tool").isNotNull();
		assertThat(trace.totalTokens()).isEqualTo(90L);
		assertThat(trace.totalCost()).isCloseTo(0.0000093 + 0.0000132, org.assertj.core.data.Offset.offset(1e-12));
	}

	@Test
	void aFailingToolIsAnErrorSpanAndTheAgentStillAnswers() {
		String answer = this.chatClient.prompt()
			.user("And the weather in Atlantis?")
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, "conversation-3"))
			.call()
			.content();

		assertThat(answer).contains("no weather station in Atlantis");
		SpanData tool = span(onlyTrace(), "weather");
		assertThat(tool.status()).isEqualTo(SpanStatus.ERROR);
		assertThat(tool.error()).isNotNull();
		assertThat(tool.error().type()).isEqualTo(IllegalStateException.class.getName());
		assertThat(tool.error().message()).isEqualTo("no weather station in Atlantis");
	}

	@Test
	void aStreamedCallEndsEverySpanInTheRightTree() {
		List<String> pieces = this.chatClient.prompt()
			.user("Tell me a story")
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, "conversation-2"))
			.stream()
			.content()
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(String.join("", pieces)).isEqualTo("You said: Tell me a story");
		TraceData trace = onlyTrace();
		SpanData root = trace.spans().get(0);
		assertThat(root.name()).isEqualTo("ChatClient.stream");
		assertThat(trace.sessionId()).isEqualTo("conversation-2");
		SpanData model = ofKind(trace, SpanKind.LLM).get(0);
		assertThat(isUnder(trace, model, root)).isTrue();
		assertThat(model.attributes()).containsEntry("gen_ai.request.stream", true)
			.containsEntry(Span.INPUT_TOKENS_ATTRIBUTE, 20)
			.containsEntry(Span.OUTPUT_TOKENS_ATTRIBUTE, 5);
		assertThat(trace.spans()).allSatisfy((span) -> assertThat(span.endTime()).isNotNull());
		assertThat(trace.fragment()).isFalse();
	}

	@Test
	void aTracedModelMethodIsTheOneLlmSpanOfItsCall() {
		this.tracedCaller.ask("Hello");

		TraceData trace = onlyTrace();
		List<SpanData> modelCalls = ofKind(trace, SpanKind.LLM);
		assertThat(modelCalls).hasSize(1);
		SpanData call = modelCalls.get(0);
		assertThat(call.name()).isEqualTo("TracedModelCaller.ask");
		assertThat(call.attributes()).containsEntry("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
			.containsEntry(Span.INPUT_TOKENS_ATTRIBUTE, 20)
			.containsKey(ModelPricing.COST_ATTRIBUTE);
	}

	private TraceData onlyTrace() {
		// A streamed call ends its spans on Reactor's threads after the caller has its
		// answer.
		Awaitility.await().untilAsserted(() -> {
			assertThat(this.pipeline.flush(Duration.ofSeconds(5))).isTrue();
			assertThat(this.memory.size()).isPositive();
		});
		List<TraceData> traces = this.memory.findAll(TraceQuery.all());
		assertThat(traces).hasSize(1);
		return traces.get(0);
	}

	static SpanData span(TraceData trace, String name) {
		return trace.spans()
			.stream()
			.filter((span) -> span.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no span " + name + " in " + names(trace)));
	}

	static List<SpanData> ofKind(TraceData trace, SpanKind kind) {
		return trace.spans().stream().filter((span) -> span.kind() == kind).toList();
	}

	static boolean isUnder(TraceData trace, SpanData span, SpanData ancestor) {
		Map<String, SpanData> byId = new java.util.HashMap<>();
		trace.spans().forEach((each) -> byId.put(each.spanId(), each));
		for (SpanData parent = byId.get(span.parentId()); parent != null; parent = byId.get(parent.parentId())) {
			if (parent.spanId().equals(ancestor.spanId())) {
				return true;
			}
		}
		return false;
	}

	static long totalTokens(TraceData trace) {
		long total = 0;
		for (SpanData span : trace.spans()) {
			for (String key : List.of(Span.INPUT_TOKENS_ATTRIBUTE, Span.OUTPUT_TOKENS_ATTRIBUTE)) {
				if (span.attributes().get(key) instanceof Number number) {
					total += number.longValue();
				}
			}
		}
		return total;
	}

	private static List<String> names(TraceData trace) {
		return trace.spans().stream().map((span) -> span.kind() + " " + span.name()).toList();
	}

	private static String json(Object value) {
		return String.valueOf(value);
	}

	static class WeatherTools {

		private final io.micrometer.tracing.Tracer micrometer;

		/** The span Boot's own tracing had current while the tool ran. */
		volatile io.micrometer.tracing.@org.jspecify.annotations.Nullable Span micrometerSpan;

		WeatherTools(io.micrometer.tracing.Tracer micrometer) {
			this.micrometer = micrometer;
		}

		@Tool(description = "The current weather of a city")
		String weather(String city) {
			this.micrometerSpan = this.micrometer.currentSpan();
			if (city.equals("Atlantis")) {
				throw new IllegalStateException("no weather station in Atlantis");
			}
			return "{\"city\":\"" + city + "\",\"celsius\":21}";
		}

	}

	static class TracedModelCaller {

		private final ChatModel model;

		TracedModelCaller(ChatModel model) {
			this.model = model;
		}

		@Traced(kind = SpanKind.LLM)
		public ChatResponse ask(String question) {
			return this.model.call(new Prompt(question));
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		ScriptedChatModel chatModel(ObservationRegistry registry) {
			return new ScriptedChatModel(registry);
		}

		@Bean
		TracedModelCaller tracedModelCaller(ChatModel model) {
			return new TracedModelCaller(model);
		}

	}

}
