package io.agenttracing.stockapp;

import java.util.concurrent.CompletableFuture;

import io.agenttracing.SpanKind;
import io.agenttracing.annotation.Traced;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

@Component
public class Tools {

	@Async
	@Traced(kind = SpanKind.TOOL)
	public CompletableFuture<String> lookup(String query) {
		return CompletableFuture.completedFuture("facts about " + query + " on " + Threads.describe());
	}

	/** A model call whose server is down. */
	@Traced(kind = SpanKind.LLM)
	public String callModel(String prompt) {
		throw new IllegalStateException("model server unavailable for '" + prompt + "'");
	}

}
