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

}
