package io.agenttracing.internal.context;

import io.agenttracing.internal.trace.CurrentContext;
import io.agenttracing.internal.trace.Scope;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Lets Micrometer's context-propagation library carry the current trace scope to other
 * threads: Spring's {@code ContextPropagatingTaskDecorator} for task executors and
 * {@code @Async}, and Reactor's automatic context propagation for operators. Registered
 * through {@code META-INF/services}, so it is found whenever the library is on the
 * classpath.
 */
public final class ScopeThreadLocalAccessor implements ThreadLocalAccessor<Scope> {

	/** The key under which the scope travels, also in a Reactor {@code Context}. */
	public static final String KEY = "agent.tracing.scope";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable Scope getValue() {
		return CurrentContext.get();
	}

	@Override
	public void setValue(Scope value) {
		CurrentContext.attach(value);
	}

	@Override
	public void setValue() {
		CurrentContext.restore(null);
	}

	@Override
	public void restore(Scope previousValue) {
		CurrentContext.restore(previousValue);
	}

	@Override
	public void restore() {
		CurrentContext.restore(null);
	}

}
