package io.agenttracing.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.agenttracing.internal.capture.JsonValueCapturer;
import io.agenttracing.internal.capture.SecretRedactor;
import io.agenttracing.sample.llm.ChatMessage;
import io.agenttracing.sample.llm.ToolCall;
import io.agenttracing.sample.llm.ToolSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cost of capturing a value as the {@code @Traced} advice does, at the default 8192
 * characters: a 100 KB argument, and the message history the sample's LLM receives (the
 * largest value a chat captures). "jackson" is how capture worked before: serialise the
 * whole value with Jackson, re-read it as a tree when a key might be secret, then cut.
 * "bounded" is the writer that stops at the limit and redacts as it writes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CaptureBenchmarks {

	private final JsonValueCapturer bounded = new JsonValueCapturer(8192, SecretRedactor.defaults(), List.of());

	private final JacksonCapture jackson = new JacksonCapture(8192);

	private final Document document = new Document("report.txt", "text/plain", "x".repeat(100_000));

	private final String[] names = { "messages", "tools" };

	private final Object[] history = history();

	@Benchmark
	public String bounded100KbArgument() {
		return this.bounded.captureArguments(new String[] { "document" }, new Object[] { this.document });
	}

	@Benchmark
	public String jackson100KbArgument() {
		return this.jackson.captureArguments(new String[] { "document" }, new Object[] { this.document });
	}

	@Benchmark
	public String boundedMessageHistory() {
		return this.bounded.captureArguments(this.names, this.history);
	}

	@Benchmark
	public String jacksonMessageHistory() {
		return this.jackson.captureArguments(this.names, this.history);
	}

	/**
	 * The second LLM call of a sample chat: system, user, the tool calls and their
	 * results, and the tools.
	 */
	private static Object[] history() {
		List<ChatMessage> messages = new ArrayList<>();
		messages.add(ChatMessage.system("You are a research agent. Use the tools when they help; answer briefly. "
				+ "Relevant knowledge: " + "Atlantis is a legendary island. ".repeat(20)));
		messages.add(ChatMessage.user("What is (12+3)*7, and the weather in Atlantis?"));
		messages
			.add(ChatMessage.assistant(List.of(new ToolCall("call-1", "calculator", Map.of("expression", "(12+3)*7")),
					new ToolCall("call-2", "weather", Map.of("city", "Atlantis")))));
		messages.add(ChatMessage.tool("call-1", "105"));
		messages.add(ChatMessage.tool("call-2", "error: No weather station in Atlantis"));
		List<ToolSpec> tools = List.of(
				new ToolSpec("calculator", "Evaluates an arithmetic expression with + - * / and parentheses",
						Map.of("type", "object", "properties", Map.of("expression", Map.of("type", "string")))),
				new ToolSpec("weather", "Current weather of a city",
						Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")))));
		return new Object[] { messages, tools };
	}

	public record Document(String name, String mediaType, String content) {
	}

	/**
	 * Capture as it was: Jackson writes the whole value, a tree walk redacts, then the
	 * text is cut.
	 */
	static final class JacksonCapture {

		private static final List<String> KEYS = List.of("password", "secret", "token", "apikey", "authorization",
				"credentials");

		private final JsonMapper mapper = JsonMapper.builder().build();

		private final int maxValueLength;

		JacksonCapture(int maxValueLength) {
			this.maxValueLength = maxValueLength;
		}

		String captureArguments(String[] names, Object[] values) {
			StringBuilder json = new StringBuilder("{");
			for (int i = 0; i < names.length; i++) {
				if (i > 0) {
					json.append(',');
				}
				json.append('"').append(names[i]).append("\":").append(capture(values[i]));
			}
			return json.append('}').toString();
		}

		private String capture(Object value) {
			String text = this.mapper.writeValueAsString(value);
			String normalized = text.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
			if (KEYS.stream().anyMatch((key) -> normalized.contains(key + "\":"))) {
				JsonNode tree = this.mapper.readTree(text);
				redact(tree);
				text = this.mapper.writeValueAsString(tree);
			}
			if (text.length() <= this.maxValueLength) {
				return text;
			}
			return this.mapper.writeValueAsString(text.substring(0, this.maxValueLength) + "...[truncated "
					+ (text.length() - this.maxValueLength) + " chars]");
		}

		private void redact(JsonNode node) {
			if (node instanceof ObjectNode object) {
				List<String> secrets = new ArrayList<>();
				object.properties().forEach((property) -> {
					String key = property.getKey().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
					if (KEYS.stream().anyMatch(key::endsWith)) {
						secrets.add(property.getKey());
					}
					else {
						redact(property.getValue());
					}
				});
				secrets.forEach((key) -> object.put(key, "[REDACTED]"));
			}
			else if (node.isArray()) {
				node.forEach(this::redact);
			}
		}

	}

}
