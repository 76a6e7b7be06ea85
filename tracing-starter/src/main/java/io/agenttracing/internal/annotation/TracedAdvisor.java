package io.agenttracing.internal.annotation;

import io.agenttracing.annotation.Traced;
import java.lang.reflect.Method;

import org.aopalliance.aop.Advice;

import org.springframework.aop.ClassFilter;
import org.springframework.aop.MethodMatcher;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcher;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Applies the {@link TracedMethodInterceptor} to methods that are {@link Traced} or
 * belong to a {@code @Traced} class. A static pointcut decided once per method at proxy
 * creation keeps the per-call cost to the interceptor alone.
 */
public final class TracedAdvisor extends AbstractPointcutAdvisor {

	private final TracedMethodInterceptor interceptor;

	private final Pointcut pointcut;

	public TracedAdvisor(TracedMethodInterceptor interceptor, int order) {
		this.interceptor = interceptor;
		this.pointcut = new TracedPointcut(interceptor);
		setOrder(order);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

	private static final class TracedPointcut extends StaticMethodMatcher implements Pointcut {

		private final TracedMethodInterceptor interceptor;

		private TracedPointcut(TracedMethodInterceptor interceptor) {
			this.interceptor = interceptor;
		}

		@Override
		public ClassFilter getClassFilter() {
			return (type) -> AnnotationUtils.isCandidateClass(type, Traced.class);
		}

		@Override
		public MethodMatcher getMethodMatcher() {
			return this;
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return this.interceptor.isTraced(method, targetClass);
		}

	}

}
