package io.agenttracing.internal.store;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the trace store within its retention: traces older than the retention age, and
 * the oldest beyond the maximum count, deleted in bounded chunks. One instance at a time:
 * an instance takes a lease on the retention row of the lock table with one conditional
 * update (the lease is free or already its own) before it deletes, so instances never
 * fight and a crashed instance's lease simply runs out.
 */
public final class StoreRetention implements AutoCloseable {

	/**
	 * Rows one delete statement removes, at most: a delete never holds the table long.
	 */
	static final int CHUNK = 1_000;

	private static final Log logger = LogFactory.getLog(StoreRetention.class);

	private final JdbcTemplate jdbc;

	private final StoreSchema schema;

	private final Duration retention;

	private final long maxTraces;

	private final Duration interval;

	private final String owner = UUID.randomUUID().toString();

	private final ScheduledExecutorService scheduler;

	public StoreRetention(JdbcTemplate jdbc, StoreSchema schema, Duration retention, long maxTraces,
			Duration interval) {
		this.jdbc = jdbc;
		this.schema = schema;
		this.retention = retention;
		this.maxTraces = maxTraces;
		this.interval = interval;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "agent-tracing-store-retention");
			thread.setDaemon(true);
			return thread;
		});
	}

	public void start() {
		this.scheduler.scheduleWithFixedDelay(this::runQuietly, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void runQuietly() {
		try {
			run();
		}
		catch (RuntimeException ex) {
			logger.warn("Trace store retention did not run: " + ex.getMessage());
		}
	}

	/**
	 * Deletes what is past retention if this instance holds the lease; the rows deleted.
	 */
	public int run() {
		this.schema.ensureReady();
		if (!takeLease()) {
			return 0;
		}
		long oldest = System.currentTimeMillis() * 1_000_000L - this.retention.toNanos();
		int deleted = 0;
		int chunk;
		do {
			chunk = deleteOldest("WHERE START_NANOS < ?", oldest, CHUNK);
			deleted += chunk;
		}
		while (chunk == CHUNK);
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.schema.table(), Long.class);
		long excess = (count != null) ? count - this.maxTraces : 0;
		while (excess > 0) {
			chunk = deleteOldest("", null, (int) Math.min(excess, CHUNK));
			deleted += chunk;
			excess -= chunk;
			if (chunk == 0) {
				break;
			}
		}
		return deleted;
	}

	private boolean takeLease() {
		long now = System.currentTimeMillis();
		long until = now + this.interval.toMillis() * 2;
		return this.jdbc.update(
				"UPDATE " + this.schema.lockTable() + " SET OWNER = ?, LOCKED_UNTIL = ? "
						+ "WHERE NAME = 'retention' AND (LOCKED_UNTIL < ? OR OWNER = ?)",
				this.owner, until, now, this.owner) == 1;
	}

	private int deleteOldest(String condition, Long bound, int limit) {
		String table = this.schema.table();
		String select = "SELECT TRACE_ID FROM " + table + " " + condition + " ORDER BY START_NANOS LIMIT ?";
		Object[] arguments = (bound != null) ? new Object[] { bound, limit } : new Object[] { limit };
		java.util.List<String> ids = this.jdbc.queryForList(select, String.class, arguments);
		if (ids.isEmpty()) {
			return 0;
		}
		String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
		return this.jdbc.update("DELETE FROM " + table + " WHERE TRACE_ID IN (" + marks + ")", ids.toArray());
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
