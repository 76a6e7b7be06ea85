package io.agenttracing.internal.export;

import io.agenttracing.export.TraceExporter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.agenttracing.internal.trace.PendingExport;
import io.agenttracing.TraceData;
import io.agenttracing.internal.support.RateLimitedLog;
import org.jspecify.annotations.Nullable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One exporter with its own queue and thread. The thread drains its queue, then sleeps
 * for the schedule delay; a producer wakes it early only when the queue is a quarter
 * full, because a wake-up is a system call and one per trace would cost more than the
 * span.
 */
final class ExportLane implements Runnable {

	private static final Log logger = LogFactory.getLog(ExportPipeline.class);

	private final TraceExporter exporter;

	final String name;

	final BoundedMpscQueue<PendingExport> queue;

	private final ExportListener listener;

	private final long scheduleDelayNanos;

	final Thread thread;

	private final RateLimitedLog failures;

	/** Traces taken from the queue and not yet exported, for {@link #isIdle()}. */
	private final AtomicInteger pending = new AtomicInteger();

	private final int wakeThreshold;

	private final boolean reportsTraces;

	private final LongAdder dropped;

	/**
	 * Whether the exporter sends batches itself; if not, each trace is exported and
	 * counted on its own.
	 */
	private final boolean batching;

	private final int maxBatchSpans;

	private final int maxConcurrentRequests;

	/** Permits for batches in flight. */
	private final Semaphore inFlight;

	private final AtomicBoolean sleeping = new AtomicBoolean();

	private volatile boolean closing;

	ExportLane(TraceExporter exporter, String name, ExportPipeline.Builder settings, int capacity,
			ExportListener listener, long scheduleDelayNanos, boolean reportsTraces, LongAdder dropped) {
		this.batching = exportsBatches(exporter);
		this.maxBatchSpans = settings.maxBatchSpans;
		this.maxConcurrentRequests = settings.maxConcurrentRequests;
		this.inFlight = new Semaphore(this.maxConcurrentRequests);
		this.wakeThreshold = Math.max(1, capacity / 4);
		this.reportsTraces = reportsTraces;
		this.dropped = dropped;
		this.exporter = exporter;
		this.name = name;
		this.queue = new BoundedMpscQueue<>(capacity);
		this.listener = listener;
		this.scheduleDelayNanos = scheduleDelayNanos;
		this.failures = new RateLimitedLog(exporter.getClass(), 1, TimeUnit.MINUTES);
		this.thread = new Thread(this, "agent-tracing-export-" + this.name);
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	/** Called on the traced thread: never blocks, never throws. */
	void offer(PendingExport export) {
		if (!this.queue.offer(export)) {
			this.dropped.increment();
			this.listener.onDropped(this.name);
		}
		else if (this.sleeping.get() && this.queue.size() >= this.wakeThreshold) {
			wake();
		}
	}

	void wakeIfWaiting() {
		if (this.sleeping.get() && !this.queue.isEmpty()) {
			wake();
		}
	}

	/**
	 * Wakes the sleeping lane thread once: until it runs, every further offer would
	 * otherwise make the system call again, costing the traced thread a wake-up per
	 * trace.
	 */
	private void wake() {
		if (this.sleeping.compareAndSet(true, false)) {
			LockSupport.unpark(this.thread);
		}
	}

	boolean isIdle() {
		return this.queue.isEmpty() && this.pending.get() == 0;
	}

	void close() {
		this.closing = true;
		LockSupport.unpark(this.thread);
	}

	@Override
	public void run() {
		List<TraceData> batch = new ArrayList<>();
		int batchSpans = 0;
		while (true) {
			// Counted before the poll, so that flush() never sees an empty queue and
			// an idle lane while a trace is between the two; the count is given back
			// once the trace is exported.
			this.pending.incrementAndGet();
			PendingExport export = this.queue.poll();
			if (export == null) {
				this.pending.decrementAndGet();
				if (!batch.isEmpty()) {
					// The queue is drained: send what was gathered rather than wait
					// for more.
					send(batch);
					batch = new ArrayList<>();
					batchSpans = 0;
					continue;
				}
				if (this.closing) {
					awaitInFlight();
					return;
				}
				this.sleeping.set(true);
				if (this.queue.isEmpty() && !this.closing) {
					LockSupport.parkNanos(this, this.scheduleDelayNanos);
				}
				this.sleeping.set(false);
				continue;
			}
			TraceData trace = snapshot(export);
			if (trace == null || !this.batching) {
				// An exporter without a batch form takes each trace as it comes,
				// counted on its own.
				try {
					if (trace != null) {
						export(trace);
					}
				}
				finally {
					this.pending.decrementAndGet();
				}
				continue;
			}
			if (!batch.isEmpty() && batchSpans + trace.spanCount() > this.maxBatchSpans) {
				send(batch);
				batch = new ArrayList<>();
				batchSpans = 0;
			}
			batch.add(trace);
			batchSpans += trace.spanCount();
			if (batchSpans >= this.maxBatchSpans) {
				send(batch);
				batch = new ArrayList<>();
				batchSpans = 0;
			}
		}
	}

	/**
	 * Sends a batch as one call of the exporter, with at most the allowed requests in
	 * flight.
	 */
	private void send(List<TraceData> batch) {
		try {
			this.inFlight.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			batch.forEach((trace) -> failed(trace, ex));
			this.pending.addAndGet(-batch.size());
			return;
		}
		CompletionStage<Void> sent;
		try {
			sent = this.exporter.export(batch);
		}
		catch (Throwable ex) {
			sent = CompletableFuture.failedFuture(ex);
		}
		sent.whenComplete((ignored, failure) -> {
			try {
				for (TraceData trace : batch) {
					if (failure == null) {
						this.listener.onExported(this.name, trace);
					}
					else {
						failed(trace, failure);
					}
				}
			}
			finally {
				this.inFlight.release();
				this.pending.addAndGet(-batch.size());
			}
		});
	}

	/**
	 * Waits for the batches still in flight, until the pipeline's shutdown gives up on
	 * this lane.
	 */
	private void awaitInFlight() {
		try {
			this.inFlight.acquire(this.maxConcurrentRequests);
			this.inFlight.release(this.maxConcurrentRequests);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean exportsBatches(TraceExporter exporter) {
		try {
			return exporter.getClass().getMethod("export", List.class).getDeclaringClass() != TraceExporter.class;
		}
		catch (NoSuchMethodException | RuntimeException ex) {
			return false;
		}
	}

	private @Nullable TraceData snapshot(PendingExport export) {
		try {
			TraceData trace = export.snapshot();
			if (this.reportsTraces) {
				this.listener.onTrace(trace);
			}
			return trace;
		}
		catch (RuntimeException ex) {
			this.failures.warn("Could not snapshot trace " + export.traceId(), ex);
			return null;
		}
	}

	private void export(TraceData trace) {
		try {
			this.exporter.export(trace);
			this.listener.onExported(this.name, trace);
		}
		catch (Throwable ex) {
			failed(trace, ex);
		}
	}

	private void failed(TraceData trace, Throwable error) {
		Throwable cause = (error instanceof java.util.concurrent.CompletionException && error.getCause() != null)
				? error.getCause() : error;
		this.listener.onFailed(this.name, trace, cause);
		this.failures.warn("Exporter '" + this.name + "' failed to export trace " + trace.traceId(), cause);
	}

	void shutdownExporter() {
		try {
			this.exporter.flush();
			this.exporter.shutdown();
		}
		catch (RuntimeException ex) {
			logger.warn("Exporter '" + this.name + "' failed to shut down", ex);
		}
	}

}
