package io.agenttracing.stockapp;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.Tracing;
import io.agenttracing.annotation.Traced;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/** Reactive work: spans started inside operators, on Reactor's schedulers. */
@Component
public class Summarizer {

	@Traced(kind = SpanKind.LLM)
	public Mono<String> summarize(String text) {
		return Mono.fromSupplier(() -> text).publishOn(Schedulers.parallel()).map((value) -> {
			try (Span step = Tracing.startSpan("summarize.step", SpanKind.INTERNAL)) {
				step.setAttribute("thread", Thread.currentThread().getName());
				return "summary of " + value.length() + " chars";
			}
		});
	}

	@Traced
	public Flux<String> words(String text) {
		return Flux.fromArray(text.split(" ")).publishOn(Schedulers.boundedElastic()).doOnNext((word) -> {
			if (word.equals("summary")) {
				Tracing.startSpan("words.first", SpanKind.INTERNAL).close();
			}
		});
	}

}
