package io.agenttracing.internal.annotation;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import io.agenttracing.Span;
import io.agenttracing.internal.trace.RecordingTracer;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * The thin interceptor behind {@link Traced}: finds the cached plan of the called method
 * and hands the call to the processor that owns the span.
 */
public final class TracedMethodInterceptor implements MethodInterceptor {

	private final TracedMethodResolver resolver;

	private final TracedInvocationProcessor processor;

	/**
	 * Methods below it are not advised at all: they cost what an untraced method costs.
	 */
	private final Span.Level minimumLevel;

	TracedMethodInterceptor(TracedMethodResolver resolver, TracedInvocationProcessor processor,
			Span.Level minimumLevel) {
		this.resolver = resolver;
		this.processor = processor;
		this.minimumLevel = minimumLevel;
	}

	/**
	 * An interceptor for {@link Traced} methods.
	 * @param tracer the tracer that starts the spans
	 * @param captureInput whether arguments may be captured at all
	 * @param captureOutput whether return values may be captured at all
	 */
	public static TracedMethodInterceptor create(RecordingTracer tracer, boolean captureInput, boolean captureOutput) {
		return create(() -> tracer, captureInput, captureOutput, tracer.minimumLevel());
	}

	/**
	 * An interceptor for {@link Traced} methods whose tracer is looked up on first use,
	 * so that creating the interceptor early (as an advisor) does not create the tracer's
	 * dependencies early.
	 * @param tracer supplies the tracer that starts the spans; called on every traced
	 * call, so it should cache
	 * @param captureInput whether arguments may be captured at all
	 * @param captureOutput whether return values may be captured at all
	 * @param minimumLevel methods whose level is below it are not intercepted
	 */
	public static TracedMethodInterceptor create(Supplier<RecordingTracer> tracer, boolean captureInput,
			boolean captureOutput, Span.Level minimumLevel) {
		return new TracedMethodInterceptor(new TracedMethodResolver(),
				new TracedInvocationProcessor(tracer, captureInput, captureOutput), minimumLevel);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		// The target's own class: plans are resolved per class anyway, and
		// AopUtils.getTargetClass would inspect the class name on every call.
		Class<?> targetClass = (target != null) ? target.getClass() : invocation.getMethod().getDeclaringClass();
		TracedMethod plan = this.resolver.resolveInvocation(invocation.getMethod(), targetClass);
		if (plan == null) {
			return invocation.proceed();
		}
		return this.processor.process(plan, invocation);
	}

	boolean isTraced(Method method, Class<?> targetClass) {
		TracedMethod plan = this.resolver.resolve(method, targetClass);
		return plan != null && plan.level().isAtLeast(this.minimumLevel);
	}

}
