package io.agenttracing.annotation;

import java.util.Map;

import io.agenttracing.SpanKind;
import org.jspecify.annotations.Nullable;

/**
 * Everything about a traced method that does not change between calls, resolved once.
 *
 * @param targetClass the class the plan was resolved for
 * @param traced whether calls are traced; the other components are empty when not
 * @param name span name
 * @param kind span kind
 * @param captureInput whether arguments are captured
 * @param captureOutput whether the return value is captured
 * @param parameterNames names of the parameters, for captured input
 * @param staticAttributes attributes set on every span
 * @param attributeKeys for each parameter, the attribute key it is recorded under, or {@code null}
 * @param sessionIdIndex index of the {@link SessionId} parameter, or {@code -1}
 * @param completesLater whether the method returns a {@code CompletionStage}
 * @param returnsVoid whether the method returns nothing
 */
record TracedMethod(Class<?> targetClass, boolean traced, String name, SpanKind kind, boolean captureInput, boolean captureOutput,
		String[] parameterNames, Map<String, String> staticAttributes, @Nullable String[] attributeKeys, int sessionIdIndex,
		boolean completesLater, boolean returnsVoid) {

	static TracedMethod notTraced(Class<?> targetClass) {
		return new TracedMethod(targetClass, false, "", SpanKind.INTERNAL, false, false, new String[0], Map.of(),
				new String[0], -1, false, false);
	}

	boolean hasParameterAttributes() {
		for (String key : this.attributeKeys) {
			if (key != null) {
				return true;
			}
		}
		return false;
	}

}
