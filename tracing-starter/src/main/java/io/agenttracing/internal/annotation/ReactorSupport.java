package io.agenttracing.internal.annotation;

import java.util.concurrent.atomic.AtomicLong;

import io.agenttracing.internal.trace.RecordingSpan;
import io.agenttracing.internal.context.ScopeThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends the span of a method returning a {@code Mono} or {@code Flux} on the terminal
 * signal (error, completion or cancellation), puts the span in the Reactor context so
 * that spans started inside operators become its children (with Reactor's automatic
 * context propagation), and records the time to the first element of a {@code Flux}.
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
	public Object decorate(Object publisher, TracedMethod plan, RecordingSpan span, Outcome outcome) {
		// Ending in doOnSuccess/doOnComplete rather than doFinally: those run before the
		// signal reaches the subscriber, so the span has ended by the time the caller
		// sees the result.
		if (publisher instanceof Mono<?> mono) {
			return mono.doOnSuccess((value) -> outcome.complete(plan, span, value, null))
				.doOnError((error) -> outcome.complete(plan, span, null, error))
				.doOnCancel(() -> cancel(span))
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
			}).doOnComplete(() -> {
				span.setAttribute("reactor.elements", elements.get());
				outcome.complete(plan, span, null, null);
			}).doOnError((error) -> {
				span.setAttribute("reactor.elements", elements.get());
				outcome.complete(plan, span, null, error);
			}).doOnCancel(() -> {
				span.setAttribute("reactor.elements", elements.get());
				cancel(span);
			}).contextWrite((context) -> context.put(ScopeThreadLocalAccessor.KEY, span));
		}
		return publisher;
	}

	private static void cancel(RecordingSpan span) {
		span.addEvent("cancelled");
		span.end();
	}

}
