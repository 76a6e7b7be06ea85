package io.agenttracing;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * The traces of one tracer that are recorded and not finished yet. A trace whose root never ends
 * (a future never completed, a stuck thread) is exported, marked incomplete, once it is older than
 * the longest trace duration, with the spans that had ended; spans that end later go out as
 * fragments. Nothing is held forever, and nothing is lost silently.
 * <p>
 * The traced thread only appends a small handle to a lock-free queue; a shared background thread
 * sweeps the queues, dropping the handles of finished traces and expiring old ones.
 */
final class OpenTraces {

	private static final AtomicReferenceFieldUpdater<Handle, TraceContext> TRACE = AtomicReferenceFieldUpdater
		.newUpdater(Handle.class, TraceContext.class, "trace");

	private final ConcurrentLinkedQueue<Handle> handles = new ConcurrentLinkedQueue<>();

	private final LongAdder open = new LongAdder();

	private final long maxDurationNanos;

	OpenTraces(long maxDurationNanos, boolean swept) {
		this.maxDurationNanos = maxDurationNanos;
		if (swept) {
			Sweeper.watch(this);
		}
	}

	Handle register(TraceContext trace, long startNanos) {
		Handle handle = new Handle(trace, startNanos);
		this.handles.offer(handle);
		this.open.increment();
		return handle;
	}

	/** The trace of the handle was finished by its owner: forget it. */
	void finished(Handle handle) {
		if (TRACE.getAndSet(handle, null) != null) {
			this.open.decrement();
		}
	}

	long count() {
		return Math.max(0, this.open.sum());
	}

	/**
	 * Forgets finished traces and exports, as incomplete, those older than the longest duration at
	 * {@code nowNanos} (a {@link System#nanoTime()} reading).
	 * @return how many traces were expired
	 */
	int expire(long nowNanos) {
		int expired = 0;
		for (Iterator<Handle> it = this.handles.iterator(); it.hasNext();) {
			Handle handle = it.next();
			TraceContext trace = handle.trace;
			if (trace == null) {
				it.remove();
			}
			else if (nowNanos - handle.startNanos > this.maxDurationNanos && TRACE.compareAndSet(handle, trace, null)) {
				it.remove();
				this.open.decrement();
				trace.expire();
				expired++;
			}
		}
		return expired;
	}

	/** One open trace; the reference is cleared once the trace is finished or expired. */
	static final class Handle {

		volatile @Nullable TraceContext trace;

		final long startNanos;

		Handle(TraceContext trace, long startNanos) {
			this.trace = trace;
			this.startNanos = startNanos;
		}

	}

	/** One daemon thread for every tracer of the process; it holds the registries only weakly. */
	private static final class Sweeper {

		private static final List<WeakReference<OpenTraces>> WATCHED = new CopyOnWriteArrayList<>();

		private static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

		private static @Nullable ScheduledExecutorService executor;

		private Sweeper() {
		}

		static synchronized void watch(OpenTraces traces) {
			WATCHED.add(new WeakReference<>(traces));
			if (executor == null) {
				executor = Executors.newSingleThreadScheduledExecutor((task) -> {
					Thread thread = new Thread(task, "agent-tracing-open-traces");
					thread.setDaemon(true);
					return thread;
				});
				executor.scheduleWithFixedDelay(Sweeper::sweep, PERIOD_NANOS, PERIOD_NANOS, TimeUnit.NANOSECONDS);
			}
		}

		private static void sweep() {
			long now = System.nanoTime();
			for (WeakReference<OpenTraces> reference : WATCHED) {
				OpenTraces traces = reference.get();
				if (traces == null) {
					WATCHED.remove(reference);
					continue;
				}
				try {
					traces.expire(now);
				}
				catch (RuntimeException ex) {
					// A sink that throws must not stop the sweeps of every other trace.
				}
			}
		}

	}

}
