package io.agenttracing.annotation;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.agenttracing.Span;
import io.agenttracing.context.ScopeThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Ends the span of a method returning a {@code Mono} or {@code Flux} on the terminal signal
 * (error, completion or cancellation), puts the span in the Reactor context so that spans started
 * inside operators become its children (with Reactor's automatic context propagation), and records
 * the time to the first element of a {@code Flux}.
 */
final class ReactorSupport implements ReactiveSupport {

	static ReactiveSupport create() {
		return new ReactorSupport();
	}

	@Override
	public TracedMethod.@Nullable Completion completionOf(Class<?> type) {
		if (Mono.class.isAssignableFrom(type)) {
			return TracedMethod.Completion.MONO;
		}
		if (Flux.class.isAssignableFrom(type)) {
			return TracedMethod.Completion.FLUX;
		}
		return null;
	}

	@Override
	public Object decorate(Object publisher, TracedMethod plan, Span span, Outcome outcome) {
		if (publisher instanceof Mono<?> mono) {
			AtomicReference<Object> value = new AtomicReference<>();
			return mono.doOnNext(value::set)
				.doOnError((error) -> outcome.complete(plan, span, null, error))
				.doFinally((signal) -> finish(plan, span, outcome, signal, value.get()))
				.contextWrite((context) -> context.put(ScopeThreadLocalAccessor.KEY, span));
		}
		if (publisher instanceof Flux<?> flux) {
			long start = System.nanoTime();
			AtomicLong elements = new AtomicLong();
			return flux.doOnNext((element) -> {
				if (elements.getAndIncrement() == 0) {
					span.setAttribute("reactor.time_to_first_element_ms", (System.nanoTime() - start) / 1_000_000.0);
					span.addEvent("first-element");
				}
			})
				.doOnError((error) -> outcome.complete(plan, span, null, error))
				.doFinally((signal) -> {
					span.setAttribute("reactor.elements", elements.get());
					finish(plan, span, outcome, signal, null);
				})
				.contextWrite((context) -> context.put(ScopeThreadLocalAccessor.KEY, span));
		}
		return publisher;
	}

	private static void finish(TracedMethod plan, Span span, Outcome outcome, SignalType signal, @Nullable Object value) {
		if (signal == SignalType.ON_ERROR) {
			return;
		}
		if (signal == SignalType.CANCEL) {
			span.addEvent("cancelled");
			span.end();
			return;
		}
		outcome.complete(plan, span, value, null);
	}

}
