package io.agenttracing.export;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.agenttracing.PendingExport;
import io.agenttracing.TraceData;
import io.agenttracing.TraceSink;
import io.agenttracing.support.RateLimitedLog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Moves finished traces from the traced threads to the exporters.
 * <p>
 * The traced thread only offers the trace to a bounded lock-free queue: it never blocks, never
 * copies, and drops (and counts) the trace when the queue is full. A dispatcher thread takes traces off the
 * queue, snapshots them and offers each snapshot to one lane per exporter; each lane has its own
 * bounded queue and thread, so an exporter that throws or hangs loses only its own traces.
 * Closing the pipeline exports what is queued, within a timeout.
 */
public final class ExportPipeline implements TraceSink, AutoCloseable {

	/** The name under which drops of the shared queue are reported. */
	public static final String QUEUE = "queue";

	public static final int DEFAULT_QUEUE_CAPACITY = 2048;

	public static final Duration DEFAULT_SCHEDULE_DELAY = Duration.ofMillis(100);

	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(ExportPipeline.class);

	private final BoundedMpscQueue<PendingExport> queue;

	private final List<Lane> lanes;

	private final ExportListener listener;

	private final long scheduleDelayNanos;

	private final Duration shutdownTimeout;

	/** Queue size at which a sleeping dispatcher is woken before its delay runs out. */
	private final int wakeThreshold;

	private final Thread dispatcher;

	private final LongAdder dropped = new LongAdder();

	private volatile boolean dispatcherSleeping;

	private volatile boolean closed;

	private ExportPipeline(Builder builder) {
		this.queue = new BoundedMpscQueue<>(builder.queueCapacity);
		this.listener = builder.listener;
		this.scheduleDelayNanos = builder.scheduleDelay.toNanos();
		this.shutdownTimeout = builder.shutdownTimeout;
		this.wakeThreshold = Math.max(1, builder.queueCapacity / 4);
		List<Lane> lanes = new ArrayList<>();
		for (TraceExporter exporter : builder.exporters) {
			lanes.add(new Lane(exporter, builder.queueCapacity, this.listener, this.scheduleDelayNanos));
		}
		this.lanes = List.copyOf(lanes);
		this.dispatcher = new Thread(this::dispatch, "agent-tracing-dispatcher");
		this.dispatcher.setDaemon(true);
		this.dispatcher.start();
		this.lanes.forEach(Lane::start);
	}

	public static Builder builder() {
		return new Builder();
	}

	@Override
	public void submit(PendingExport export) {
		if (this.closed || !this.queue.offer(export)) {
			this.dropped.increment();
			this.listener.onDropped(QUEUE);
			return;
		}
		if (this.dispatcherSleeping && this.queue.size() >= this.wakeThreshold) {
			LockSupport.unpark(this.dispatcher);
		}
	}

	/** Traces waiting in the shared queue. */
	public int queueSize() {
		return this.queue.size();
	}

	/** Traces the shared queue dropped because it was full or the pipeline was closed. */
	public long droppedCount() {
		return this.dropped.sum();
	}

	/** Traces waiting in one exporter's own queue, or {@code -1} for an unknown exporter. */
	public int queueSize(String exporter) {
		for (Lane lane : this.lanes) {
			if (lane.name.equals(exporter)) {
				return lane.queue.size();
			}
		}
		return -1;
	}

	/** Names of the exporters, in the order they receive traces. */
	public List<String> exporterNames() {
		return this.lanes.stream().map((lane) -> lane.name).toList();
	}

	/**
	 * Hands everything queued so far to the exporters and waits until they took it, at most
	 * {@code timeout}.
	 * @return whether everything was exported in time
	 */
	public boolean flush(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		LockSupport.unpark(this.dispatcher);
		while (!isIdle()) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			LockSupport.unpark(this.dispatcher);
			this.lanes.forEach(Lane::wake);
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
		}
		return true;
	}

	private boolean isIdle() {
		if (!this.queue.isEmpty() || !this.dispatcherSleeping) {
			return false;
		}
		for (Lane lane : this.lanes) {
			if (!lane.isIdle()) {
				return false;
			}
		}
		return true;
	}

	private void dispatch() {
		while (true) {
			PendingExport export = this.queue.poll();
			if (export == null) {
				// Lanes are woken once per batch, not per trace: a wake-up is a system call.
				this.lanes.forEach(Lane::wake);
				if (this.closed) {
					return;
				}
				this.dispatcherSleeping = true;
				if (this.queue.isEmpty() && !this.closed) {
					LockSupport.parkNanos(this, this.scheduleDelayNanos);
				}
				this.dispatcherSleeping = false;
				continue;
			}
			TraceData trace;
			try {
				trace = export.snapshot();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not snapshot trace " + export.traceId(), ex);
				continue;
			}
			try {
				this.listener.onTrace(trace);
			}
			catch (RuntimeException ex) {
				logger.warn("Export listener failed", ex);
			}
			for (Lane lane : this.lanes) {
				lane.offer(trace);
			}
		}
	}

	/**
	 * Stops accepting traces, exports what is queued and shuts the exporters down, waiting at most
	 * the shutdown timeout. An exporter still busy then is abandoned.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		LockSupport.unpark(this.dispatcher);
		join(this.dispatcher, deadline);
		this.lanes.forEach(Lane::close);
		for (Lane lane : this.lanes) {
			join(lane.thread, deadline);
			if (lane.thread.isAlive()) {
				logger.warn("Exporter '" + lane.name + "' did not finish within " + this.shutdownTimeout + "; "
						+ lane.queue.size() + " queued traces were not exported");
				lane.thread.interrupt();
			}
			else {
				lane.shutdownExporter();
			}
		}
	}

	private static void join(Thread thread, long deadlineNanos) {
		long remaining = deadlineNanos - System.nanoTime();
		if (remaining <= 0) {
			return;
		}
		try {
			thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One exporter with its own queue and thread. The thread drains its queue, then sleeps until
	 * the dispatcher wakes it after a batch, or its schedule delay passes.
	 */
	private static final class Lane implements Runnable {

		private final TraceExporter exporter;

		private final String name;

		private final BoundedMpscQueue<TraceData> queue;

		private final ExportListener listener;

		private final long scheduleDelayNanos;

		private final Thread thread;

		private final RateLimitedLog failures;

		/** Traces offered and not yet exported, for {@link #isIdle()}. */
		private final AtomicInteger pending = new AtomicInteger();

		private volatile boolean sleeping;

		private volatile boolean closing;

		Lane(TraceExporter exporter, int capacity, ExportListener listener, long scheduleDelayNanos) {
			this.exporter = exporter;
			this.name = safeName(exporter);
			this.queue = new BoundedMpscQueue<>(capacity);
			this.listener = listener;
			this.scheduleDelayNanos = scheduleDelayNanos;
			this.failures = new RateLimitedLog(exporter.getClass(), 1, TimeUnit.MINUTES);
			this.thread = new Thread(this, "agent-tracing-export-" + this.name);
			this.thread.setDaemon(true);
		}

		private static String safeName(TraceExporter exporter) {
			try {
				return Objects.requireNonNullElse(exporter.name(), exporter.getClass().getName());
			}
			catch (RuntimeException ex) {
				return exporter.getClass().getName();
			}
		}

		void start() {
			this.thread.start();
		}

		void offer(TraceData trace) {
			this.pending.incrementAndGet();
			if (!this.queue.offer(trace)) {
				this.pending.decrementAndGet();
				this.listener.onDropped(this.name);
			}
		}

		void wake() {
			if (this.sleeping && !this.queue.isEmpty()) {
				LockSupport.unpark(this.thread);
			}
		}

		boolean isIdle() {
			return this.pending.get() == 0;
		}

		void close() {
			this.closing = true;
			LockSupport.unpark(this.thread);
		}

		@Override
		public void run() {
			while (true) {
				TraceData trace = this.queue.poll();
				if (trace == null) {
					if (this.closing) {
						return;
					}
					this.sleeping = true;
					if (this.queue.isEmpty() && !this.closing) {
						LockSupport.parkNanos(this, this.scheduleDelayNanos);
					}
					this.sleeping = false;
					continue;
				}
				try {
					this.exporter.export(trace);
					this.listener.onExported(this.name, trace);
				}
				catch (Throwable ex) {
					this.listener.onFailed(this.name, trace, ex);
					this.failures.warn("Exporter '" + this.name + "' failed to export trace " + trace.traceId(), ex);
				}
				finally {
					this.pending.decrementAndGet();
				}
			}
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

	/** Builds an {@link ExportPipeline}, validating each setting as it is given. */
	public static final class Builder {

		private final List<TraceExporter> exporters = new ArrayList<>();

		private int queueCapacity = DEFAULT_QUEUE_CAPACITY;

		private Duration scheduleDelay = DEFAULT_SCHEDULE_DELAY;

		private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

		private ExportListener listener = ExportListener.NONE;

		private Builder() {
		}

		public Builder exporter(TraceExporter exporter) {
			this.exporters.add(Objects.requireNonNull(exporter, "exporter"));
			return this;
		}

		public Builder exporters(List<? extends TraceExporter> exporters) {
			exporters.forEach(this::exporter);
			return this;
		}

		public Builder queueCapacity(int capacity) {
			if (capacity <= 0) {
				throw new IllegalArgumentException("queueCapacity must be positive, got " + capacity);
			}
			this.queueCapacity = capacity;
			return this;
		}

		public Builder scheduleDelay(Duration delay) {
			if (delay.isNegative() || delay.isZero()) {
				throw new IllegalArgumentException("scheduleDelay must be positive, got " + delay);
			}
			this.scheduleDelay = delay;
			return this;
		}

		public Builder shutdownTimeout(Duration timeout) {
			if (timeout.isNegative()) {
				throw new IllegalArgumentException("shutdownTimeout must not be negative, got " + timeout);
			}
			this.shutdownTimeout = timeout;
			return this;
		}

		public Builder listener(ExportListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener");
			return this;
		}

		public ExportPipeline build() {
			return new ExportPipeline(this);
		}

	}

}
