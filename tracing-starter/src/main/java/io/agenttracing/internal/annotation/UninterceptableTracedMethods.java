package io.agenttracing.internal.annotation;

import io.agenttracing.annotation.Traced;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Warns at startup about {@link Traced} methods of beans that a Spring proxy cannot
 * intercept (private, static or final methods, or any method of a final class), since
 * those calls would silently produce no span.
 */
public final class UninterceptableTracedMethods implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(UninterceptableTracedMethods.class);

	private final ConfigurableListableBeanFactory beanFactory;

	public UninterceptableTracedMethods(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Set<Class<?>> classes = new LinkedHashSet<>();
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type = this.beanFactory.getType(name, false);
			if (type != null) {
				classes.add(ClassUtils.getUserClass(type));
			}
		}
		for (Class<?> type : classes) {
			for (String problem : find(type)) {
				logger.warn(problem);
			}
		}
	}

	/**
	 * Descriptions of the traced methods of {@code type} that calls through a proxy never
	 * reach.
	 */
	static List<String> find(Class<?> type) {
		List<String> problems = new ArrayList<>();
		if (type.getName().startsWith("java.")) {
			return problems;
		}
		ReflectionUtils.doWithMethods(type, (method) -> {
			String reason = reason(type, method);
			if (reason != null) {
				problems.add("@Traced on " + method.toGenericString() + " has no effect: " + reason
						+ ". Use Tracing.startSpan(...) inside the method instead.");
			}
		}, (method) -> method.isAnnotationPresent(Traced.class) && !method.isSynthetic());
		return problems;
	}

	private static @Nullable String reason(Class<?> type, Method method) {
		int modifiers = method.getModifiers();
		if (Modifier.isPrivate(modifiers)) {
			return "private methods are not intercepted";
		}
		if (Modifier.isStatic(modifiers)) {
			return "static methods are not intercepted";
		}
		if (Modifier.isFinal(modifiers)) {
			return "final methods are not intercepted by class-based proxies";
		}
		if (Modifier.isFinal(type.getModifiers())) {
			return "the class is final, so a class-based proxy cannot be made";
		}
		return null;
	}

}
