package io.agenttracing.agentapps;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.proto.trace.v1.Span;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.agenttracing.agentapps.OtlpReceiver.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a GenAI backend reads from the OTLP export of a weather chat against
 * {@link FakeOpenAiServer}: the same for every integration.
 */
public final class GenAiExport {

	private static final JsonMapper json = JsonMapper.builder().build();

	private GenAiExport() {
	}

	/** The exported spans of the trace, once its model calls and tool are there. */
	public static List<Span> awaitSpans(OtlpReceiver collector, String traceId) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> collector.spans(traceId),
					(spans) -> spans.stream().filter(GenAiExport::isModelCall).count() >= 2 && spans.stream()
						.anyMatch((span) -> "execute_tool".equals(attribute(span, "gen_ai.operation.name"))));
	}

	public static boolean isModelCall(Span span) {
		return "chat".equals(attribute(span, "gen_ai.operation.name"));
	}

	/**
	 * The model calls and tool of "What is the weather in Paris?", as GenAI describes
	 * them.
	 */
	public static void assertWeatherChat(List<Span> spans, String conversation) {
		List<Span> calls = spans.stream()
			.filter(GenAiExport::isModelCall)
			.sorted(java.util.Comparator.comparingLong(Span::getStartTimeUnixNano))
			.toList();
		for (Span call : calls) {
			assertThat(call.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
			assertThat(attribute(call, "gen_ai.provider.name")).isEqualTo("openai");
			assertThat(attribute(call, "gen_ai.request.model")).isEqualTo(FakeOpenAiServer.MODEL);
			assertThat(attribute(call, "gen_ai.response.model")).isEqualTo(FakeOpenAiServer.RESPONSE_MODEL);
			assertThat((String) attribute(call, "gen_ai.response.id")).startsWith("chatcmpl-");
			assertThat(attribute(call, "gen_ai.usage.input_tokens")).isEqualTo((long) FakeOpenAiServer.PROMPT_TOKENS);
			assertThat(attribute(call, "gen_ai.usage.output_tokens"))
				.isEqualTo((long) FakeOpenAiServer.COMPLETION_TOKENS);
			assertThat(attribute(call, "gen_ai.conversation.id")).isEqualTo(conversation);
			JsonNode definitions = json.readTree((String) attribute(call, "gen_ai.tool.definitions"));
			assertThat(definitions.findValuesAsString("name")).contains("weather");
		}
		Span first = calls.get(0);
		assertThat(attribute(first, "gen_ai.response.finish_reasons")).isEqualTo(List.of("tool_calls"));
		JsonNode input = json.readTree((String) attribute(first, "gen_ai.input.messages"));
		JsonNode question = input.get(input.size() - 1);
		assertThat(question.get("role").asString()).isEqualTo("user");
		assertThat(question.get("parts").get(0).get("type").asString()).isEqualTo("text");
		assertThat(question.get("parts").get(0).get("content").asString()).isEqualTo("What is the weather in Paris?");
		JsonNode toolCall = json.readTree((String) attribute(first, "gen_ai.output.messages"))
			.get(0)
			.get("parts")
			.get(0);
		assertThat(toolCall.get("type").asString()).isEqualTo("tool_call");
		assertThat(toolCall.get("id").asString()).isEqualTo("call_weather_1");
		assertThat(toolCall.get("name").asString()).isEqualTo("weather");
		assertThat(toolCall.get("arguments").get("city").asString()).isEqualTo("Paris");

		Span last = calls.get(calls.size() - 1);
		assertThat(attribute(last, "gen_ai.response.finish_reasons")).isEqualTo(List.of("stop"));
		JsonNode history = json.readTree((String) attribute(last, "gen_ai.input.messages"));
		JsonNode toolResult = history.get(history.size() - 1);
		assertThat(toolResult.get("role").asString()).isEqualTo("tool");
		assertThat(toolResult.get("parts").get(0).get("type").asString()).isEqualTo("tool_call_response");
		assertThat(toolResult.get("parts").get(0).get("id").asString()).isEqualTo("call_weather_1");
		JsonNode answer = json.readTree((String) attribute(last, "gen_ai.output.messages")).get(0);
		assertThat(answer.get("parts").get(0).get("content").asString()).contains("Sunny, 21 degrees in Paris");
		assertThat(answer.get("finish_reason").asString()).isEqualTo("stop");

		Span tool = spans.stream()
			.filter((span) -> "execute_tool".equals(attribute(span, "gen_ai.operation.name")))
			.findFirst()
			.orElseThrow();
		assertThat(attribute(tool, "gen_ai.tool.name")).isEqualTo("weather");
		assertThat(attribute(tool, "gen_ai.tool.type")).isEqualTo("function");
		assertThat(json.readTree((String) attribute(tool, "gen_ai.tool.call.arguments")).get("city").asString())
			.isEqualTo("Paris");
		assertThat((String) attribute(tool, "gen_ai.tool.call.result")).contains("Sunny, 21 degrees in Paris");
		// The default families: GenAI and OpenInference, each with the content once.
		assertThat(attribute(first, "input.value")).isNotNull();
		assertThat(attribute(first, "langfuse.observation.input")).isNull();
	}

}
