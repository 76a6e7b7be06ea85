package io.agenttracing.sample.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reasoning of the offline models: asks for the calculator when the message holds
 * arithmetic, for the weather tool when it asks about the weather somewhere, and answers
 * from the tool results or the retrieved context. Counts tokens as about four per three
 * words, like a real model reports them.
 */
public final class SimulatedReasoner {

	private static final Pattern ARITHMETIC = Pattern
		.compile("\\(?\\d+(?:\\.\\d+)?(?:\\s*[-+*/]\\s*\\(?\\s*\\d+(?:\\.\\d+)?\\s*\\)?)+");

	private static final Pattern WEATHER = Pattern.compile("(?i)weather\\s+(?:in|for|at)\\s+([a-z][a-z-]*)");

	private SimulatedReasoner() {
	}

	/** The next turn of {@code model} in the conversation, given the tools on offer. */
	public static LlmResponse reply(List<ChatMessage> messages, List<String> tools, String model) {
		int lastUser = lastIndexOfRole(messages, "user");
		List<ChatMessage> results = messages.subList(lastUser + 1, messages.size())
			.stream()
			.filter((message) -> message.role().equals("tool"))
			.toList();
		String content = null;
		List<ToolCall> calls = List.of();
		if (!results.isEmpty()) {
			content = "Here is what I found: "
					+ results.stream().map(ChatMessage::content).collect(Collectors.joining("; ")) + ".";
		}
		else {
			calls = plan(messages.get(lastUser).content(), tools);
			if (calls.isEmpty()) {
				content = answerFromContext(messages);
			}
		}
		long inputTokens = messages.stream().mapToLong((message) -> tokens(message.content())).sum();
		long outputTokens = (content != null) ? tokens(content) : 12L * calls.size();
		return new LlmResponse(content, calls, model, inputTokens, outputTokens);
	}

	private static List<ToolCall> plan(String message, List<String> available) {
		List<ToolCall> calls = new ArrayList<>();
		if (available.contains("calculator")) {
			Matcher arithmetic = ARITHMETIC.matcher(message);
			while (arithmetic.find()) {
				calls.add(new ToolCall("call_" + (calls.size() + 1), "calculator",
						Map.of("expression", arithmetic.group().trim())));
			}
		}
		if (available.contains("weather")) {
			Matcher weather = WEATHER.matcher(message);
			while (weather.find()) {
				calls.add(new ToolCall("call_" + (calls.size() + 1), "weather", Map.of("city", weather.group(1))));
			}
		}
		return calls;
	}

	private static String answerFromContext(List<ChatMessage> messages) {
		String system = messages.stream()
			.filter((message) -> message.role().equals("system"))
			.map(ChatMessage::content)
			.findFirst()
			.orElse("");
		int context = system.indexOf("Context:");
		if (context < 0 || system.substring(context + 8).isBlank()) {
			return "I could not find anything about that yet.";
		}
		String firstSnippet = system.substring(context + 8).strip().lines().findFirst().orElse("");
		return "From the knowledge base: " + firstSnippet.replaceFirst("^- ", "");
	}

	private static int lastIndexOfRole(List<ChatMessage> messages, String role) {
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (messages.get(i).role().equals(role)) {
				return i;
			}
		}
		throw new IllegalArgumentException("No " + role + " message to answer");
	}

	static long tokens(String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		long words = text.strip().split("\\s+").length;
		return (words * 4 + 2) / 3;
	}

}
