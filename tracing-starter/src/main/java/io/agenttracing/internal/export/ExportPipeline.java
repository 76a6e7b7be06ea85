package io.agenttracing.internal.export;

import io.agenttracing.export.TraceExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.agenttracing.internal.trace.PendingExport;
import io.agenttracing.internal.trace.TraceSink;
import org.jspecify.annotations.Nullable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Moves finished traces from the traced threads to the exporters.
 * <p>
 * Each exporter has a lane: a bounded lock-free queue and a thread of its own. The traced
 * thread offers the finished trace to each lane (one compare-and-set each): it never
 * blocks, never copies, and when a lane's queue is full that exporter drops the trace and
 * the drop is counted under its name. The lane thread takes the snapshot (taken once per
 * trace, shared by all lanes) and exports it, so an exporter that throws or hangs loses
 * only its own traces. Closing the pipeline exports what is queued, within a timeout.
 */
public final class ExportPipeline implements TraceSink, AutoCloseable {

	/**
	 * The name under which traces refused because the pipeline was closed are reported.
	 */
	public static final String QUEUE = "queue";

	public static final int DEFAULT_QUEUE_CAPACITY = 2048;

	public static final Duration DEFAULT_SCHEDULE_DELAY = Duration.ofMillis(100);

	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * Default most spans in one batch handed to an exporter (OpenTelemetry's batch size).
	 */
	public static final int DEFAULT_MAX_BATCH_SPANS = 512;

	/** Default most batches of one exporter in flight at once. */
	public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4;

	private static final Log logger = LogFactory.getLog(ExportPipeline.class);

	private final ExportLane[] lanes;

	private final ExportListener listener;

	private final Duration shutdownTimeout;

	private final LongAdder dropped = new LongAdder();

	private volatile boolean closed;

	private ExportPipeline(Builder builder) {
		this.listener = builder.listener;
		this.shutdownTimeout = builder.shutdownTimeout;
		long scheduleDelayNanos = builder.scheduleDelay.toNanos();
		List<ExportLane> lanes = new ArrayList<>();
		for (int i = 0; i < builder.exporters.size(); i++) {
			TraceExporter exporter = builder.exporters.get(i);
			String name = builder.names.get(i);
			// The first lane tells the listener about each trace, so metrics count every
			// trace once.
			int capacity = builder.capacities.getOrDefault(i, builder.queueCapacity);
			lanes.add(new ExportLane(exporter, (name != null) ? name : safeName(exporter), builder, capacity,
					this.listener, scheduleDelayNanos, lanes.isEmpty(), this.dropped));
		}
		this.lanes = lanes.toArray(new ExportLane[0]);
		for (ExportLane lane : this.lanes) {
			lane.start();
		}
	}

	public static Builder builder() {
		return new Builder();
	}

	@Override
	public void submit(PendingExport export) {
		if (this.closed) {
			this.dropped.increment();
			this.listener.onDropped(QUEUE);
			return;
		}
		for (ExportLane lane : this.lanes) {
			lane.offer(export);
		}
	}

	/** Traces waiting in the fullest exporter queue. */
	public int queueSize() {
		int max = 0;
		for (ExportLane lane : this.lanes) {
			max = Math.max(max, lane.queue.size());
		}
		return max;
	}

	/**
	 * Traces waiting in one exporter's own queue, or {@code -1} for an unknown exporter.
	 */
	public int queueSize(String exporter) {
		for (ExportLane lane : this.lanes) {
			if (lane.name.equals(exporter)) {
				return lane.queue.size();
			}
		}
		return -1;
	}

	/**
	 * Traces dropped, by any exporter's full queue or because the pipeline was closed.
	 */
	public long droppedCount() {
		return this.dropped.sum();
	}

	/** Names of the exporters, in the order they receive traces. */
	public List<String> exporterNames() {
		return java.util.Arrays.stream(this.lanes).map((lane) -> lane.name).toList();
	}

	private static String safeName(TraceExporter exporter) {
		try {
			return Objects.requireNonNullElse(exporter.name(), exporter.getClass().getName());
		}
		catch (RuntimeException ex) {
			return exporter.getClass().getName();
		}
	}

	/**
	 * Hands everything queued so far to the exporters and waits until they took it, at
	 * most {@code timeout}.
	 * @return whether everything was exported in time
	 */
	@Override
	public boolean flush(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!isIdle()) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			for (ExportLane lane : this.lanes) {
				lane.wakeIfWaiting();
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
		}
		return true;
	}

	private boolean isIdle() {
		for (ExportLane lane : this.lanes) {
			if (!lane.isIdle()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Stops accepting traces, exports what is queued and shuts the exporters down,
	 * waiting at most the shutdown timeout. An exporter still busy then is abandoned.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		for (ExportLane lane : this.lanes) {
			lane.close();
		}
		for (ExportLane lane : this.lanes) {
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

	/** Builds an {@link ExportPipeline}, validating each setting as it is given. */
	public static final class Builder {

		private final List<TraceExporter> exporters = new ArrayList<>();

		private final List<@Nullable String> names = new ArrayList<>();

		/** Queue capacities of the lanes that do not take {@link #queueCapacity}. */
		private final java.util.Map<Integer, Integer> capacities = new java.util.HashMap<>();

		int queueCapacity = DEFAULT_QUEUE_CAPACITY;

		private Duration scheduleDelay = DEFAULT_SCHEDULE_DELAY;

		private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

		private ExportListener listener = ExportListener.NONE;

		int maxBatchSpans = DEFAULT_MAX_BATCH_SPANS;

		int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;

		private Builder() {
		}

		/**
		 * Most spans in one batch handed to an exporter; a trace larger than this goes
		 * alone, whole.
		 */
		public Builder maxBatchSpans(int max) {
			if (max <= 0) {
				throw new IllegalArgumentException("maxBatchSpans must be positive, got " + max);
			}
			this.maxBatchSpans = max;
			return this;
		}

		/** Most batches of one exporter in flight at once. */
		public Builder maxConcurrentRequests(int max) {
			if (max <= 0) {
				throw new IllegalArgumentException("maxConcurrentRequests must be positive, got " + max);
			}
			this.maxConcurrentRequests = max;
			return this;
		}

		/** Adds an exporter, reported under its {@link TraceExporter#name()}. */
		public Builder exporter(TraceExporter exporter) {
			this.exporters.add(Objects.requireNonNull(exporter, "exporter"));
			this.names.add(null);
			return this;
		}

		/**
		 * Adds an exporter reported under {@code name} (its metric tag and thread name).
		 */
		public Builder exporter(String name, TraceExporter exporter) {
			this.exporters.add(Objects.requireNonNull(exporter, "exporter"));
			this.names.add(Objects.requireNonNull(name, "name"));
			return this;
		}

		/**
		 * Adds an exporter reported under {@code name} with a queue of its own size, as
		 * an evaluator gets.
		 */
		public Builder exporter(String name, TraceExporter exporter, int queueCapacity) {
			if (queueCapacity <= 0) {
				throw new IllegalArgumentException("queueCapacity must be positive, got " + queueCapacity);
			}
			exporter(name, exporter);
			this.capacities.put(this.exporters.size() - 1, queueCapacity);
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
