package io.agenttracing.internal.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A warning log that writes at most once per interval and counts what it held back, so
 * that a failure on every call (an exporter that is down, an argument that never
 * serialises) cannot flood the application's log.
 */
public final class RateLimitedLog {

	private final Log log;

	private final long intervalNanos;

	private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);

	private final AtomicLong suppressed = new AtomicLong();

	public RateLimitedLog(Class<?> owner, long interval, TimeUnit unit) {
		this.log = LogFactory.getLog(owner);
		this.intervalNanos = unit.toNanos(interval);
	}

	/**
	 * Logs {@code message} unless a warning of this log was logged within the interval.
	 */
	public void warn(String message) {
		if (allowed()) {
			this.log.warn(message + suppressedSuffix());
		}
	}

	public void warn(String message, Throwable cause) {
		if (!allowed()) {
			return;
		}
		String suffix = suppressedSuffix();
		if (this.log.isDebugEnabled()) {
			this.log.warn(message + suffix, cause);
		}
		else {
			this.log.warn(message + suffix + ": " + cause);
		}
	}

	/** Whether the interval has passed; counts the warning as suppressed if not. */
	private boolean allowed() {
		long now = System.nanoTime();
		long allowed = this.nextAllowed.get();
		if ((allowed != Long.MIN_VALUE && now - allowed < 0)
				|| !this.nextAllowed.compareAndSet(allowed, now + this.intervalNanos)) {
			this.suppressed.incrementAndGet();
			return false;
		}
		return true;
	}

	private String suppressedSuffix() {
		long held = this.suppressed.getAndSet(0);
		return (held > 0) ? " (" + held + " similar warnings suppressed)" : "";
	}

}
