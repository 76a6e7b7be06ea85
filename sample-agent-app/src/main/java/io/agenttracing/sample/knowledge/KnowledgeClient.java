package io.agenttracing.sample.knowledge;

import java.util.List;

import io.agenttracing.SpanKind;
import io.agenttracing.annotation.SpanAttribute;
import io.agenttracing.annotation.Traced;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Retrieves context for a question from the knowledge service over HTTP. The service's
 * base URL is {@code sample.knowledge.base-url}; by default this application serves it
 * itself.
 */
@Component
public class KnowledgeClient {

	private final RestClient http;

	private final Environment environment;

	public KnowledgeClient(RestClient.Builder builder, Environment environment) {
		this.http = builder.build();
		this.environment = environment;
	}

	@Traced(kind = SpanKind.NETWORK, attributes = "http.request.method=GET")
	public List<String> search(@SpanAttribute("knowledge.query") String query) {
		KnowledgeResult result = this.http.get()
			.uri(baseUrl() + "/api/knowledge?q={query}", query)
			.retrieve()
			.body(new ParameterizedTypeReference<KnowledgeResult>() {
			});
		return (result != null) ? result.snippets() : List.of();
	}

	private String baseUrl() {
		String configured = this.environment.getProperty("sample.knowledge.base-url");
		if (StringUtils.hasText(configured)) {
			return configured;
		}
		return "http://127.0.0.1:" + this.environment.getProperty("local.server.port", "8080");
	}

	/** What the knowledge service answers. */
	public record KnowledgeResult(String query, List<String> snippets) {

	}

}
