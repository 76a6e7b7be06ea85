package io.agenttracing.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;

/**
 * Turns each call of the annotated method into a span. On a class, every public method of
 * the class is traced; an annotation on a method replaces the one on its class.
 * <p>
 * Calls go through the Spring proxy of the bean: calls from the bean to itself, and
 * private, final or static methods, are not intercepted (a warning names them at
 * startup). Use {@link io.agenttracing.Tracing#startSpan} for those.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface Traced {

	/** Name of the span; {@code SimpleClassName.method} when empty. */
	String name() default "";

	/** Kind of the span. */
	SpanKind kind() default SpanKind.INTERNAL;

	/**
	 * How much the span matters. A method below {@code agent.tracing.level} is not traced
	 * at all: what it calls nests in the caller's span.
	 */
	Span.Level level() default Span.Level.INFO;

	/**
	 * Whether to capture the arguments as the span's input, when capture of input is
	 * enabled.
	 */
	boolean captureInput() default true;

	/**
	 * Whether to capture the return value as the span's output, when capture of output is
	 * enabled.
	 */
	boolean captureOutput() default true;

	/** Static attributes of every span, each as {@code key=value}. */
	String[] attributes() default {};

}
