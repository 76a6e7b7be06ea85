package io.agenttracing.sample.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agenttracing.SpanKind;
import io.agenttracing.Tracing;
import io.agenttracing.annotation.Traced;
import io.agenttracing.sample.agent.ResearchAgent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * An LLM behind any OpenAI-compatible chat completions API (OpenAI, Azure OpenAI, Ollama,
 * vLLM, LM Studio...), with function calling. Base URL, API key and model come from
 * {@code sample.llm.*}.
 */
@Component
@ConditionalOnProperty(name = "sample.llm.provider", havingValue = "openai")
public class OpenAiCompatibleLlmClient implements LlmClient {

	private final RestClient http;

	private final LlmProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	public OpenAiCompatibleLlmClient(RestClient.Builder builder, LlmProperties properties) {
		this.properties = properties;
		this.http = builder.baseUrl(properties.getBaseUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.getApiKey())
			.build();
	}

	@Override
	@Traced(kind = SpanKind.LLM)
	public LlmResponse complete(List<ChatMessage> messages, List<ToolSpec> tools) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("model", this.properties.getModel());
		request.put("messages", messages.stream().map(this::message).toList());
		if (!tools.isEmpty()) {
			request.put("tools", tools.stream().map(OpenAiCompatibleLlmClient::tool).toList());
		}
		JsonNode response = this.http.post()
			.uri("/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.retrieve()
			.body(JsonNode.class);
		if (response == null) {
			throw new IllegalStateException("The model returned no body");
		}
		LlmResponse answer = parse(response);
		Tracing.currentSpan()
			.setPrompt(ResearchAgent.PROMPT_NAME, ResearchAgent.PROMPT_VERSION)
			.setModel(this.properties.getModel())
			.setTokenUsage(answer.inputTokens(), answer.outputTokens())
			.setAttribute("gen_ai.response.model", answer.model())
			.setAttribute("gen_ai.provider.name", "openai");
		return answer;
	}

	private Map<String, Object> message(ChatMessage message) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("role", message.role());
		json.put("content", message.content());
		if (!message.toolCalls().isEmpty()) {
			json.put("tool_calls", message.toolCalls().stream().map(this::toolCall).toList());
		}
		if (message.toolCallId() != null) {
			json.put("tool_call_id", message.toolCallId());
		}
		return json;
	}

	private Map<String, Object> toolCall(ToolCall call) {
		return Map.of("id", call.id(), "type", "function", "function",
				Map.of("name", call.name(), "arguments", this.json.writeValueAsString(call.arguments())));
	}

	private static Map<String, Object> tool(ToolSpec spec) {
		return Map.of("type", "function", "function",
				Map.of("name", spec.name(), "description", spec.description(), "parameters", spec.parameters()));
	}

	@SuppressWarnings("unchecked")
	private LlmResponse parse(JsonNode response) {
		JsonNode message = response.path("choices").path(0).path("message");
		List<ToolCall> calls = new ArrayList<>();
		for (JsonNode call : message.path("tool_calls")) {
			JsonNode function = call.path("function");
			Map<String, Object> arguments = this.json.readValue(function.path("arguments").asString("{}"), Map.class);
			calls.add(new ToolCall(call.path("id").asString(), function.path("name").asString(), arguments));
		}
		JsonNode content = message.path("content");
		JsonNode usage = response.path("usage");
		return new LlmResponse(content.isString() ? content.asString() : null, calls,
				response.path("model").asString(this.properties.getModel()), usage.path("prompt_tokens").asLong(0),
				usage.path("completion_tokens").asLong(0));
	}

}
