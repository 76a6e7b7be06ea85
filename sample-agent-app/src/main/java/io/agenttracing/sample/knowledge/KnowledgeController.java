package io.agenttracing.sample.knowledge;

import io.agenttracing.SpanKind;
import io.agenttracing.annotation.Traced;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge service: snippets that share words with the query. Its handler is traced,
 * so when another service calls it, its span joins the caller's trace (W3C
 * {@code traceparent}).
 */
@RestController
public class KnowledgeController {

	private final KnowledgeBase knowledgeBase;

	public KnowledgeController(KnowledgeBase knowledgeBase) {
		this.knowledgeBase = knowledgeBase;
	}

	@GetMapping("/api/knowledge")
	@Traced(kind = SpanKind.MEMORY)
	public KnowledgeClient.KnowledgeResult search(@RequestParam("q") String query) {
		return new KnowledgeClient.KnowledgeResult(query, this.knowledgeBase.search(query, 3));
	}

}
