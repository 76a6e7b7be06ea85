package io.agenttracing.internal.annotation;

import io.agenttracing.internal.trace.RecordingSpan;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Support for methods returning Reactor types, present only when Reactor is on the
 * classpath. The interface keeps Reactor's types out of the classes that always load.
 */
interface ReactiveSupport {

	/** The Reactor support, or {@code null} without Reactor. */
	@Nullable ReactiveSupport DECORATOR = ClassUtils.isPresent("reactor.core.publisher.Mono",
			ReactiveSupport.class.getClassLoader()) ? ReactorSupport.create() : null;

	/**
	 * How a method returning {@code type} completes, or {@code null} if not a Reactor
	 * type.
	 */
	TracedMethod.@Nullable Completion completionOf(Class<?> type);

	/**
	 * The publisher that ends {@code span} on its terminal signal and makes it current
	 * inside its operators.
	 */
	Object decorate(Object publisher, TracedMethod plan, RecordingSpan span, Outcome outcome);

	/** Records the outcome of a call whose work completed later, and ends its span. */
	@FunctionalInterface
	interface Outcome {

		void complete(TracedMethod plan, RecordingSpan span, @Nullable Object value, @Nullable Throwable error);

	}

}
