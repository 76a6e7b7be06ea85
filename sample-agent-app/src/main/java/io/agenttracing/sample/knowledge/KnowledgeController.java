package io.agenttracing.sample.knowledge;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge service: snippets that share words with the query.
 */
@RestController
public class KnowledgeController {

	private final KnowledgeBase knowledgeBase;

	public KnowledgeController(KnowledgeBase knowledgeBase) {
		this.knowledgeBase = knowledgeBase;
	}

	@GetMapping("/api/knowledge")
	public KnowledgeClient.KnowledgeResult search(@RequestParam("q") String query) {
		return new KnowledgeClient.KnowledgeResult(query, this.knowledgeBase.search(query, 3));
	}

}
