package io.agenttracing.sample.knowledge;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * A tiny document store: snippets found by shared words.
 */
@Component
public class KnowledgeBase {

	private static final List<String> SNIPPETS = List.of(
			"Agent Tracing turns every @Traced method call into a span with kind, timing, input, output and errors.",
			"A trace groups the spans of one request; spans nest as parent and child.",
			"LLM spans carry the model name and input and output token counts.",
			"Tool spans show what the agent did on the model's request, and fail visibly when the tool fails.",
			"Recent traces are served on /actuator/traces without any other infrastructure.",
			"Traces can be exported over OTLP or Zipkin to Jaeger, Tempo, Phoenix or Langfuse.",
			"Spring Boot auto-configuration registers the tracing advisor and the export pipeline.");

	public List<String> search(String query, int limit) {
		List<String> words = List.of(query.toLowerCase(Locale.ROOT).split("\\W+"))
			.stream()
			.filter((word) -> word.length() > 3)
			.toList();
		return SNIPPETS.stream()
			.filter((snippet) -> words.stream().anyMatch(snippet.toLowerCase(Locale.ROOT)::contains))
			.limit(limit)
			.toList();
	}

}
