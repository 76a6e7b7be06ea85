package io.agenttracing.internal.trace;

import org.jspecify.annotations.Nullable;

/**
 * The thread-bound holder of the current {@link Scope}. Callers attach a scope, keep the
 * previous one in a local variable and restore it in {@code finally}, so scopes always
 * unwind in LIFO order and a pooled thread never keeps a trace after the outermost call
 * or request.
 */
public final class CurrentContext {

	private static final ThreadLocal<@Nullable Scope> CURRENT = new ThreadLocal<>();

	private CurrentContext() {
	}

	/** The scope current on this thread, or {@code null}. */
	public static @Nullable Scope get() {
		return CURRENT.get();
	}

	/**
	 * Makes {@code scope} current on this thread.
	 * @return the scope that was current before, to hand to {@link #restore}
	 */
	public static @Nullable Scope attach(@Nullable Scope scope) {
		Scope previous = CURRENT.get();
		CURRENT.set(scope);
		return previous;
	}

	/**
	 * Makes {@code previous} current again; {@code null} leaves the thread with no trace.
	 */
	public static void restore(@Nullable Scope previous) {
		// Setting null rather than remove() keeps the thread-local entry, so the next
		// attach on this thread allocates nothing; a null entry holds no trace.
		CURRENT.set(previous);
	}

}
