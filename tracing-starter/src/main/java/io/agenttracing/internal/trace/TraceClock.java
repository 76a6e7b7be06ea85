package io.agenttracing.internal.trace;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock time from {@link System#nanoTime()}: one reading of the wall clock (the
 * anchor) maps monotonic readings to instants, so starting a span reads one clock and
 * allocates nothing. Each trace keeps the anchor it started with, so its spans are
 * consistent with each other; the anchor is renewed every minute so that it follows
 * adjustments of the wall clock.
 */
final class TraceClock {

	private static final long RENEW_AFTER_NANOS = TimeUnit.MINUTES.toNanos(1);

	private static volatile Anchor current = new Anchor();

	private TraceClock() {
	}

	/** The anchor to use for a trace starting at {@code nanoTime}. */
	static Anchor anchor(long nanoTime) {
		Anchor anchor = current;
		if (nanoTime - anchor.nanoTime > RENEW_AFTER_NANOS) {
			anchor = new Anchor();
			current = anchor;
		}
		return anchor;
	}

	/** One reading of the wall clock and of the monotonic clock, taken together. */
	static final class Anchor {

		private final long epochNanos;

		private final long nanoTime;

		private Anchor() {
			Instant now = Instant.now();
			this.nanoTime = System.nanoTime();
			this.epochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		Instant toInstant(long nanoTime) {
			return Instant.ofEpochSecond(0, toEpochNanos(nanoTime));
		}

		long toEpochNanos(long nanoTime) {
			return this.epochNanos + (nanoTime - this.nanoTime);
		}

	}

}
