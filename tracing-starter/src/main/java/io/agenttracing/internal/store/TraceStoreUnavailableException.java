package io.agenttracing.internal.store;

/**
 * The trace store's database cannot be read now: down, unreachable or failing. The
 * endpoint answers 503 with its message.
 */
public final class TraceStoreUnavailableException extends RuntimeException {

	public TraceStoreUnavailableException(Throwable cause) {
		super("The trace store's database cannot be read now: " + cause.getMessage(), cause);
	}

}
