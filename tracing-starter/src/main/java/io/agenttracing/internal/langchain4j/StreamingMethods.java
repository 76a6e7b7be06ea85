package io.agenttracing.internal.langchain4j;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.TokenStream;

/**
 * Whether an AI service method answers later, on another thread ({@link TokenStream}, a
 * reactive stream, a future): remembered per interface and method name.
 */
final class StreamingMethods {

	/** More distinct AI service methods than an application has: stop remembering. */
	private static final int MAX_REMEMBERED = 4096;

	private static final Map<String, Boolean> streaming = new ConcurrentHashMap<>();

	private StreamingMethods() {
	}

	static boolean isStreaming(InvocationContext context) {
		String key = context.interfaceName() + "#" + context.methodName();
		Boolean known = streaming.get(key);
		if (known != null) {
			return known;
		}
		boolean answer = returnsLater(context);
		if (streaming.size() < MAX_REMEMBERED) {
			streaming.put(key, answer);
		}
		return answer;
	}

	private static boolean returnsLater(InvocationContext context) {
		try {
			ClassLoader loader = Thread.currentThread().getContextClassLoader();
			Class<?> service = Class.forName(context.interfaceName(), false,
					(loader != null) ? loader : StreamingMethods.class.getClassLoader());
			for (Method method : service.getMethods()) {
				if (method.getName().equals(context.methodName()) && returnsLater(method.getReturnType())) {
					return true;
				}
			}
			return false;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// Unknown: not current is the safe choice, nothing can leak.
			return true;
		}
	}

	private static boolean returnsLater(Class<?> type) {
		return TokenStream.class.isAssignableFrom(type) || Future.class.isAssignableFrom(type)
				|| CompletionStage.class.isAssignableFrom(type) || type.getName().equals("reactor.core.publisher.Flux")
				|| hasInterface(type, "org.reactivestreams.Publisher");
	}

	private static boolean hasInterface(Class<?> type, String name) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (candidate.getName().equals(name)) {
				return true;
			}
			for (Class<?> implemented : candidate.getInterfaces()) {
				if (hasInterface(implemented, name)) {
					return true;
				}
			}
		}
		return false;
	}

}
