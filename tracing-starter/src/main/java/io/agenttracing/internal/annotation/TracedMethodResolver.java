package io.agenttracing.internal.annotation;

import io.agenttracing.annotation.SessionId;
import io.agenttracing.annotation.SpanAttribute;
import io.agenttracing.annotation.Traced;
import io.agenttracing.annotation.UserId;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds whether a method is traced and resolves its {@link TracedMethod} plan once, so a
 * call costs one map lookup and no reflection.
 */
final class TracedMethodResolver {

	private static final Log logger = LogFactory.getLog(TracedMethodResolver.class);

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	/** Plans by method, for the usual case of one target class per method. */
	private final Map<Method, TracedMethod> byMethod = new ConcurrentHashMap<>();

	/**
	 * Plans by the {@code Method} instances calls arrive with. Those differ from the
	 * instances the pointcut saw when the proxy was made, and a map keyed by them hits on
	 * identity, without the parameter-type comparison of {@link Method#equals}.
	 */
	private final Map<Method, TracedMethod> byInvokedMethod = new ConcurrentHashMap<>();

	/** Plans for a method inherited by several target classes. */
	private final Map<MethodClassKey, TracedMethod> byMethodAndClass = new ConcurrentHashMap<>();

	/**
	 * The plan for {@code method} called on an instance of {@code targetClass}, or
	 * {@code null}.
	 */
	@Nullable TracedMethod resolveInvocation(Method method, Class<?> targetClass) {
		TracedMethod plan = this.byInvokedMethod.get(method);
		if (plan != null && plan.targetClass() == targetClass) {
			return plan.traced() ? plan : null;
		}
		plan = resolvePlan(method, targetClass);
		if (plan.targetClass() == targetClass) {
			this.byInvokedMethod.putIfAbsent(method, plan);
		}
		return plan.traced() ? plan : null;
	}

	@Nullable TracedMethod resolve(Method method, Class<?> targetClass) {
		TracedMethod plan = resolvePlan(method, targetClass);
		return plan.traced() ? plan : null;
	}

	private TracedMethod resolvePlan(Method method, Class<?> targetClass) {
		TracedMethod plan = this.byMethod.get(method);
		if (plan == null) {
			plan = this.byMethod.computeIfAbsent(method, (m) -> plan(m, targetClass));
		}
		if (plan.targetClass() != targetClass) {
			plan = this.byMethodAndClass.computeIfAbsent(new MethodClassKey(method, targetClass),
					(key) -> plan(method, targetClass));
		}
		return plan;
	}

	private TracedMethod plan(Method method, Class<?> targetClass) {
		Class<?> userClass = ClassUtils.getUserClass(targetClass);
		Method specific = AopUtils.getMostSpecificMethod(method, userClass);
		Traced traced = AnnotatedElementUtils.findMergedAnnotation(specific, Traced.class);
		if (traced == null && specific != method) {
			traced = AnnotatedElementUtils.findMergedAnnotation(method, Traced.class);
		}
		Traced onClass = AnnotatedElementUtils.findMergedAnnotation(userClass, Traced.class);
		if (traced == null) {
			if (onClass == null || !Modifier.isPublic(specific.getModifiers())
					|| Modifier.isStatic(specific.getModifiers()) || specific.getDeclaringClass() == Object.class) {
				return TracedMethod.notTraced(targetClass);
			}
			traced = onClass;
		}
		try {
			return build(specific, targetClass, userClass, traced, onClass);
		}
		catch (RuntimeException ex) {
			logger.warn("Not tracing " + specific + ": " + ex.getMessage(), ex);
			return TracedMethod.notTraced(targetClass);
		}
	}

	private TracedMethod build(Method method, Class<?> targetClass, Class<?> userClass, Traced traced,
			@Nullable Traced onClass) {
		String name = traced.name().isBlank() ? userClass.getSimpleName() + "." + method.getName() : traced.name();
		Map<String, String> attributes = new LinkedHashMap<>();
		if (onClass != null && onClass != traced) {
			parseAttributes(onClass.attributes(), attributes, method);
		}
		parseAttributes(traced.attributes(), attributes, method);
		@Nullable String @Nullable [] discovered = this.parameterNames.getParameterNames(method);
		String[] names = new String[method.getParameterCount()];
		for (int i = 0; i < names.length; i++) {
			String discoveredName = (discovered != null && i < discovered.length) ? discovered[i] : null;
			names[i] = (discoveredName != null) ? discoveredName : "arg" + i;
		}
		String[] attributeKeys = new String[names.length];
		int sessionIdIndex = -1;
		int userIdIndex = -1;
		Annotation[][] parameterAnnotations = method.getParameterAnnotations();
		for (int i = 0; i < parameterAnnotations.length; i++) {
			for (Annotation annotation : parameterAnnotations[i]) {
				if (annotation instanceof SpanAttribute attribute) {
					attributeKeys[i] = attribute.value().isBlank() ? names[i] : attribute.value();
				}
				else if (annotation instanceof SessionId) {
					sessionIdIndex = i;
				}
				else if (annotation instanceof UserId) {
					userIdIndex = i;
				}
			}
		}
		TracedMethod.Completion completion = completionOf(method.getReturnType());
		return new TracedMethod(targetClass, true, name, traced.kind(), traced.captureInput(), traced.captureOutput(),
				names, Collections.unmodifiableMap(attributes), attributeKeys, sessionIdIndex, userIdIndex, completion,
				method.getReturnType() == void.class, TracedMethod.anyKey(attributeKeys), traced.level());
	}

	private static TracedMethod.Completion completionOf(Class<?> returnType) {
		if (CompletionStage.class.isAssignableFrom(returnType)) {
			return TracedMethod.Completion.STAGE;
		}
		if (ReactiveSupport.DECORATOR != null) {
			TracedMethod.Completion reactive = ReactiveSupport.DECORATOR.completionOf(returnType);
			if (reactive != null) {
				return reactive;
			}
		}
		return TracedMethod.Completion.ON_RETURN;
	}

	private static void parseAttributes(String[] declared, Map<String, String> into, Method method) {
		for (String entry : declared) {
			int equals = entry.indexOf('=');
			if (equals <= 0) {
				logger.warn("Ignoring attribute '" + entry + "' of @Traced on " + method + ": expected key=value");
				continue;
			}
			into.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
		}
	}

}
