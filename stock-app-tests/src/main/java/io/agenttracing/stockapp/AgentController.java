package io.agenttracing.stockapp;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.agenttracing.Tracing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AgentController {

	private final Agent agent;

	private final Tools tools;

	public AgentController(Agent agent, Tools tools) {
		this.agent = agent;
		this.tools = tools;
	}

	@PostMapping("/chat")
	public Map<String, String> chat(@RequestParam String message) throws ExecutionException, InterruptedException {
		String answer = this.agent.respond(message);
		return Map.of("answer", answer, "traceId", String.valueOf(Tracing.currentTraceId()));
	}

	/**
	 * An @Async call straight from a controller: no traced method of its own, only the
	 * request's trace.
	 */
	@GetMapping("/lookup")
	public Map<String, String> lookup(@RequestParam String query) {
		String found = this.tools.lookup(query).join();
		return Map.of("found", found, "traceId", String.valueOf(Tracing.currentTraceId()));
	}

}
