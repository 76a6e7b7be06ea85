package io.agenttracing.stockapp;

import java.util.List;
import java.util.concurrent.ExecutionException;

import io.agenttracing.SpanKind;
import io.agenttracing.annotation.Traced;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/** An agent that fans its work out to @Async tools, a pooled executor and Reactor. */
@Service
public class Agent {

	private final Tools tools;

	private final Memory memory;

	private final Summarizer summarizer;

	private final ThreadPoolTaskExecutor pool;

	public Agent(Tools tools, Memory memory, Summarizer summarizer, ThreadPoolTaskExecutorBuilder builder) {
		this.tools = tools;
		this.memory = memory;
		this.summarizer = summarizer;
		this.pool = builder.threadNamePrefix("agent-pool-").corePoolSize(2).build();
		this.pool.initialize();
	}

	@Traced(kind = SpanKind.AGENT)
	public String respond(String message) throws ExecutionException, InterruptedException {
		String found = this.tools.lookup(message).join();
		String remembered = this.pool.submit(() -> this.memory.load(message)).get();
		String summary = this.summarizer.summarize(found).block();
		List<String> words = this.summarizer.words(summary).collectList().block();
		return found + "; " + remembered + "; " + summary + " (" + words.size() + " words)";
	}

}
