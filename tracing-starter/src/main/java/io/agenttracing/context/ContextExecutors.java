package io.agenttracing.context;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

import io.agenttracing.internal.trace.CurrentContext;
import io.agenttracing.internal.trace.Scope;

/**
 * Carries the current trace scope into work handed to executors that Spring does not
 * manage. The scope is captured when the task is submitted and restored, then removed,
 * around its run, so the worker thread keeps nothing afterwards.
 */
public final class ContextExecutors {

	private ContextExecutors() {
	}

	/**
	 * An executor that runs each task in the scope that was current when it was
	 * submitted.
	 */
	public static Executor wrap(Executor executor) {
		return (task) -> executor.execute(wrap(task));
	}

	/** A task that runs in the scope current now. */
	public static Runnable wrap(Runnable task) {
		Scope captured = CurrentContext.get();
		return () -> {
			Scope previous = CurrentContext.attach(captured);
			try {
				task.run();
			}
			finally {
				CurrentContext.restore(previous);
			}
		};
	}

	/** A task that runs in the scope current now. */
	public static <T> Callable<T> wrap(Callable<T> task) {
		Scope captured = CurrentContext.get();
		return () -> {
			Scope previous = CurrentContext.attach(captured);
			try {
				return task.call();
			}
			finally {
				CurrentContext.restore(previous);
			}
		};
	}

}
