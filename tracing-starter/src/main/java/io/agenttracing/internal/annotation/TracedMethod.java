package io.agenttracing.internal.annotation;

import java.util.Map;

import io.agenttracing.Span;
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
 * @param attributeKeys for each parameter, the attribute key it is recorded under, or
 * {@code null}
 * @param sessionIdIndex index of the {@link SessionId} parameter, or {@code -1}
 * @param userIdIndex index of the {@link UserId} parameter, or {@code -1}
 * @param completion when the call's work is done: on return, or when its result completes
 * @param returnsVoid whether the method returns nothing
 * @param hasParameterAttributes whether any parameter is recorded as an attribute
 * @param level the span's level
 */
record TracedMethod(Class<?> targetClass, boolean traced, String name, SpanKind kind, boolean captureInput,
		boolean captureOutput, String[] parameterNames, Map<String, String> staticAttributes,
		@Nullable String[] attributeKeys, int sessionIdIndex, int userIdIndex, Completion completion,
		boolean returnsVoid, boolean hasParameterAttributes, Span.Level level) {

	/** When the work of a call is done, and so its span ends. */
	enum Completion {

		/** When the method returns or throws. */
		ON_RETURN,

		/** When the returned {@code CompletionStage} completes. */
		STAGE,

		/** On the terminal signal of the returned Reactor {@code Mono}. */
		MONO,

		/** On the terminal signal of the returned Reactor {@code Flux}. */
		FLUX

	}

	static TracedMethod notTraced(Class<?> targetClass) {
		return new TracedMethod(targetClass, false, "", SpanKind.INTERNAL, false, false, new String[0], Map.of(),
				new String[0], -1, -1, Completion.ON_RETURN, false, false, Span.Level.INFO);
	}

	/** Whether any parameter is recorded as an attribute; decided once, at plan time. */
	static boolean anyKey(@Nullable String[] attributeKeys) {
		for (String key : attributeKeys) {
			if (key != null) {
				return true;
			}
		}
		return false;
	}

}
