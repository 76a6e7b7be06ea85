package io.agenttracing.stockapp;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.agenttracing.Tracing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

	/** A request that fails inside a traced model call: the client gets a 500. */
	@PostMapping("/fail")
	public Map<String, String> fail(@RequestParam String message) {
		return Map.of("answer", this.tools.callModel(message));
	}

	/** A request that fails before anything of it is traced. */
	@PostMapping("/fail-untraced")
	public Map<String, String> failUntraced(@RequestParam String message) {
		throw new IllegalArgumentException("cannot answer '" + message + "'");
	}

	/** A request that answers a server error itself, without an exception. */
	@GetMapping("/unavailable")
	public ResponseEntity<String> unavailable() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("try later");
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
