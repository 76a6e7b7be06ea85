package io.agenttracing.stockapp;

/**
 * Names the current thread, saying whether it is virtual (Java 21+), for the tests to
 * check.
 */
final class Threads {

	private Threads() {
	}

	static String describe() {
		Thread thread = Thread.currentThread();
		return (isVirtual(thread) ? "virtual " : "platform ") + thread.getName();
	}

	private static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

}
