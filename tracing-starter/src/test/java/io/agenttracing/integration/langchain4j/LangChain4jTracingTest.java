package io.agenttracing.integration.langchain4j;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import io.agenttracing.internal.trace.ModelPricing;
import io.agenttracing.Span;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import io.agenttracing.Tracing;
import io.agenttracing.testing.TracingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A LangChain4j AI service with tools and memory, over a scripted model, traced through
 * the listener and the AI service listeners.
 */
class LangChain4jTracingTest {

	private final TracingFixture fixture = new TracingFixture(4096, List.of());

	private Assistant assistant;

	@BeforeEach
	void build() {
		Tracing.install(this.fixture.tracer());
		this.assistant = LangChain4jTracing.traced(AiServices.builder(Assistant.class))
			.chatModel(new ScriptedModel(List.of(LangChain4jTracing.chatModelListener())))
			.chatMemoryProvider((id) -> MessageWindowChatMemory.withMaxMessages(10))
			.tools(new WeatherTools())
			.build();
	}

	@AfterEach
	void uninstall() {
		Tracing.uninstall(this.fixture.tracer());
	}

	@Test
	void anInvocationIsAnAgentSpanWithItsModelCallsAndToolCalls() {
		String answer = this.assistant.chat("lc-1", "What is the weather in Paris?");

		assertThat(answer).contains("celsius");
		TraceData trace = this.fixture.traces().get(0);
		SpanData agent = trace.spans().get(0);
		assertThat(agent.name()).isEqualTo("Assistant.chat");
		assertThat(agent.kind()).isEqualTo(SpanKind.AGENT);
		assertThat(trace.sessionId()).isEqualTo("lc-1");
		assertThat(String.valueOf(agent.output())).contains("celsius");
		List<SpanData> models = trace.spans().stream().filter((span) -> span.kind() == SpanKind.LLM).toList();
		assertThat(models).hasSize(2).allSatisfy((model) -> {
			assertThat(model.parentId()).isEqualTo(agent.spanId());
			assertThat(model.name()).isEqualTo("chat gpt-4o-mini");
			assertThat(model.attributes()).containsKeys(Span.INPUT_TOKENS_ATTRIBUTE, ModelPricing.COST_ATTRIBUTE);
		});
		assertThat(String.valueOf(models.get(0).output())).contains("\"toolCalls\"").contains("weather");
		assertThat(String.valueOf(models.get(1).input())).contains("\"role\":\"tool\"");
		SpanData tool = trace.spans().stream().filter((span) -> span.kind() == SpanKind.TOOL).findFirst().orElseThrow();
		assertThat(tool.name()).isEqualTo("weather");
		assertThat(tool.parentId()).isEqualTo(agent.spanId());
		assertThat(String.valueOf(tool.input())).contains("Paris");
		assertThat(String.valueOf(tool.output())).contains("celsius");
		assertThat(tool.startTime()).isAfterOrEqualTo(models.get(0).endTime());
		assertThat(tool.endTime()).isBeforeOrEqualTo(models.get(1).startTime());
	}

	@Test
	void aFailingToolIsAnErrorSpan() {
		this.assistant.chat("lc-2", "And the weather in Atlantis?");

		SpanData tool = this.fixture.traces()
			.get(0)
			.spans()
			.stream()
			.filter((span) -> span.kind() == SpanKind.TOOL)
			.findFirst()
			.orElseThrow();
		assertThat(tool.status()).isEqualTo(SpanStatus.ERROR);
		assertThat(tool.error().message()).contains("no weather station in Atlantis");
	}

	@Test
	void aModelCalledInsideATracedLlmSpanRecordsIntoIt() {
		ScriptedModel model = new ScriptedModel(List.of(LangChain4jTracing.chatModelListener()));
		try (Span span = Tracing.startSpan("MyClient.ask", SpanKind.LLM)) {
			model.chat("Hello");
		}
		TraceData trace = this.fixture.traces().get(0);
		assertThat(trace.spans()).hasSize(1);
		assertThat(trace.spans().get(0).attributes()).containsEntry(Span.INPUT_TOKENS_ATTRIBUTE, 20);
	}

	@Test
	void theHttpCallOfABlockingModelCallNestsUnderItsLlmSpan() {
		ScriptedModel model = new ScriptedModel(List.of(LangChain4jTracing.chatModelListener()));
		model.duringCall = () -> Tracing.startSpan("POST api.openai.com", SpanKind.NETWORK).close();
		try (Span agent = Tracing.startSpan("MyAgent.run", SpanKind.AGENT)) {
			model.chat("Hello");
			assertThat(Tracing.currentSpan().name()).isEqualTo("MyAgent.run");
		}
		List<SpanData> spans = this.fixture.traces().get(0).spans();
		assertThat(spans).extracting(SpanData::name)
			.containsExactly("MyAgent.run", "chat gpt-4o-mini", "POST api.openai.com");
		assertThat(spans.get(2).parentId()).isEqualTo(spans.get(1).spanId());
		assertThat(spans.get(1).parentId()).isEqualTo(spans.get(0).spanId());
	}

	@Test
	void aStreamedAnswerEndingOnAnotherThreadEndsTheRightSpan() throws InterruptedException {
		ChatModelListener listener = LangChain4jTracing.chatModelListener();
		Map<Object, Object> attributes = new ConcurrentHashMap<>();
		ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Hi")).modelName("gpt-4o-mini").build();
		ChatResponse response = ScriptedModel.response(AiMessage.from("Hello"), FinishReason.STOP, 20, 5);
		try (Span agent = Tracing.startSpan("StreamingAgent.run", SpanKind.AGENT)) {
			listener.onRequest(new ChatModelRequestContext(request, ModelProvider.OPEN_AI, attributes));
			Thread streaming = new Thread(() -> listener
				.onResponse(new ChatModelResponseContext(response, request, ModelProvider.OPEN_AI, attributes)));
			streaming.start();
			streaming.join();
		}
		TraceData trace = this.fixture.traces().get(0);
		assertThat(trace.spans()).hasSize(2);
		SpanData model = trace.spans().get(1);
		assertThat(model.parentId()).isEqualTo(trace.spans().get(0).spanId());
		assertThat(model.isEnded()).isTrue();
		assertThat(model.attributes()).containsEntry("gen_ai.provider.name", "openai")
			.containsEntry(Span.OUTPUT_TOKENS_ATTRIBUTE, 5);
		assertThat(trace.fragment()).isFalse();
	}

	interface Assistant {

		String chat(@MemoryId String conversation, @dev.langchain4j.service.UserMessage String message);

	}

	static class WeatherTools {

		@Tool("The current weather of a city")
		String weather(String city) {
			if (city.equals("Atlantis")) {
				throw new IllegalStateException("no weather station in Atlantis");
			}
			return "{\"city\":\"" + city + "\",\"celsius\":21}";
		}

	}

	/** Asks for the weather tool when asked about the weather, then answers with it. */
	static class ScriptedModel implements ChatModel {

		private static final Pattern WEATHER = Pattern.compile("weather in (\\w+)");

		private final List<ChatModelListener> listeners;

		/**
		 * What the model does while it answers: an HTTP client would record its call
		 * here.
		 */
		Runnable duringCall = () -> {
		};

		ScriptedModel(List<ChatModelListener> listeners) {
			this.listeners = listeners;
		}

		@Override
		public List<ChatModelListener> listeners() {
			return this.listeners;
		}

		@Override
		public ChatResponse doChat(ChatRequest request) {
			this.duringCall.run();
			List<ChatMessage> messages = request.messages();
			ChatMessage last = messages.get(messages.size() - 1);
			if (last instanceof ToolExecutionResultMessage result) {
				return response(AiMessage.from("Here is what I found: " + result.text()), FinishReason.STOP, 40, 12);
			}
			Matcher weather = WEATHER.matcher(((UserMessage) last).singleText());
			if (weather.find()) {
				ToolExecutionRequest call = ToolExecutionRequest.builder()
					.id("call-1")
					.name("weather")
					.arguments("{\"city\":\"" + weather.group(1) + "\"}")
					.build();
				return response(AiMessage.from(call), FinishReason.TOOL_EXECUTION, 30, 8);
			}
			return response(AiMessage.from("You said: " + ((UserMessage) last).singleText()), FinishReason.STOP, 20, 5);
		}

		static ChatResponse response(AiMessage message, FinishReason reason, int input, int output) {
			return ChatResponse.builder()
				.aiMessage(message)
				.id("resp")
				.modelName("gpt-4o-mini")
				.finishReason(reason)
				.tokenUsage(new TokenUsage(input, output))
				.build();
		}

		@Override
		public dev.langchain4j.model.chat.request.ChatRequestParameters defaultRequestParameters() {
			return dev.langchain4j.model.chat.request.ChatRequestParameters.builder().modelName("gpt-4o-mini").build();
		}

	}

}
