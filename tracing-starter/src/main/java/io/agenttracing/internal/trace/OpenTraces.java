package io.agenttracing.internal.trace;

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
 * The traces of one tracer that are recorded and not finished yet. A trace whose root
 * never ends (a future never completed, a stuck thread) is exported, marked incomplete,
 * once it is older than the longest trace duration, with the spans that had ended; spans
 * that end later go out as fragments. Nothing is held forever, and nothing is lost
 * silently.
 * <p>
 * Tracking costs the traced thread no allocation: each thread has one slot, holding the
 * trace it opened and has not finished (a request, or a root call), written when the
 * trace opens and cleared when it finishes. Only a trace that leaves its thread
 * unfinished (a root that returned a future) is tracked on its own, in a queue. A shared
 * background thread sweeps the slots and the queue.
 */
final class OpenTraces {

	private static final AtomicReferenceFieldUpdater<Slot, RecordingTrace> SLOT_TRACE = AtomicReferenceFieldUpdater
		.newUpdater(Slot.class, RecordingTrace.class, "trace");

	private static final AtomicReferenceFieldUpdater<Handle, RecordingTrace> HANDLE_TRACE = AtomicReferenceFieldUpdater
		.newUpdater(Handle.class, RecordingTrace.class, "trace");

	private final long maxDurationNanos;

	/** Every thread's slot, held weakly: a thread that is gone takes its slot with it. */
	private final ConcurrentLinkedQueue<WeakReference<Slot>> slots = new ConcurrentLinkedQueue<>();

	private final ThreadLocal<Slot> slot = ThreadLocal.withInitial(this::newSlot);

	/** Traces that left their thread unfinished. */
	private final ConcurrentLinkedQueue<Handle> detached = new ConcurrentLinkedQueue<>();

	private final LongAdder detachedOpen = new LongAdder();

	OpenTraces(long maxDurationNanos, boolean swept) {
		this.maxDurationNanos = maxDurationNanos;
		if (swept) {
			Sweeper.watch(this);
		}
	}

	private Slot newSlot() {
		Slot slot = new Slot();
		this.slots.add(new WeakReference<>(slot));
		return slot;
	}

	/** A trace opened on this thread; returns the slot to clear when it finishes. */
	Slot opened(RecordingTrace trace, long startNanos) {
		Slot slot = this.slot.get();
		RecordingTrace previous = slot.trace;
		if (previous != null && previous != trace && SLOT_TRACE.compareAndSet(slot, previous, null)) {
			// Another trace of this thread is still open (opened by hand, never
			// finished): track it alone.
			track(previous, slot.since);
		}
		slot.since = startNanos;
		slot.trace = trace;
		return slot;
	}

	/**
	 * The trace's root left its thread unfinished: track the trace on its own from now
	 * on.
	 */
	void detach(RecordingTrace trace, Slot slot) {
		long since = slot.since;
		if (SLOT_TRACE.compareAndSet(slot, trace, null)) {
			track(trace, since);
		}
	}

	private void track(RecordingTrace trace, long since) {
		Handle handle = new Handle(trace, since);
		trace.tracked(handle);
		this.detached.offer(handle);
		this.detachedOpen.increment();
	}

	/** The trace was finished by its owner: stop tracking it. */
	void finished(RecordingTrace trace, Slot slot, @Nullable Handle handle) {
		SLOT_TRACE.compareAndSet(slot, trace, null);
		if (handle != null && HANDLE_TRACE.compareAndSet(handle, trace, null)) {
			this.detachedOpen.decrement();
		}
	}

	long count() {
		long open = Math.max(0, this.detachedOpen.sum());
		for (WeakReference<Slot> reference : this.slots) {
			Slot slot = reference.get();
			if (slot != null && slot.trace != null) {
				open++;
			}
		}
		return open;
	}

	/**
	 * Exports, as incomplete, the open traces older than the longest duration at
	 * {@code nowNanos} (a {@link System#nanoTime()} reading), and forgets what finished
	 * or went away.
	 * @return how many traces were expired
	 */
	int expire(long nowNanos) {
		int expired = 0;
		for (Iterator<WeakReference<Slot>> it = this.slots.iterator(); it.hasNext();) {
			Slot slot = it.next().get();
			if (slot == null) {
				it.remove();
				continue;
			}
			RecordingTrace trace = slot.trace;
			if (trace != null && nowNanos - slot.since > this.maxDurationNanos
					&& SLOT_TRACE.compareAndSet(slot, trace, null)) {
				trace.expire();
				expired++;
			}
		}
		for (Iterator<Handle> it = this.detached.iterator(); it.hasNext();) {
			Handle handle = it.next();
			RecordingTrace trace = handle.trace;
			if (trace == null) {
				it.remove();
			}
			else if (nowNanos - handle.since > this.maxDurationNanos
					&& HANDLE_TRACE.compareAndSet(handle, trace, null)) {
				it.remove();
				this.detachedOpen.decrement();
				trace.expire();
				expired++;
			}
		}
		return expired;
	}

	/** One thread's open trace. */
	static final class Slot {

		volatile @Nullable RecordingTrace trace;

		volatile long since;

	}

	/** One trace tracked on its own; cleared once it finishes or expires. */
	static final class Handle {

		volatile @Nullable RecordingTrace trace;

		final long since;

		Handle(RecordingTrace trace, long since) {
			this.trace = trace;
			this.since = since;
		}

	}

	/**
	 * One daemon thread for every tracer of the process; it holds the registries only
	 * weakly.
	 */
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
