package io.agenttracing.internal.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.agenttracing.TraceData;
import io.agenttracing.export.TraceExporter;
import io.agenttracing.export.memory.TraceQuery;
import io.agenttracing.export.memory.TraceRepository;
import io.agenttracing.internal.export.TraceParts;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finished traces in the application's database, shared by every instance that writes to
 * it: an exporter (its own lane of the export pipeline, so the traced threads never wait
 * for the database) that inserts new traces in batches and merges a part of a trace
 * already stored (late spans, scores, the part another instance finished) under a row
 * lock; and the repository the endpoint and viewer read, with every filter in SQL and
 * every value a bound parameter. A database that cannot be read answers with
 * {@link TraceStoreUnavailableException}.
 */
public final class JdbcTraceStore implements TraceExporter, TraceRepository {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final TraceRows rows;

	private final StoreSchema schema;

	private final int maxSpansPerTrace;

	public JdbcTraceStore(JdbcTemplate jdbc, TransactionTemplate transactions, StoreSchema schema,
			int maxSpansPerTrace) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.schema = schema;
		this.rows = new TraceRows(schema.table());
		this.maxSpansPerTrace = maxSpansPerTrace;
	}

	@Override
	public String name() {
		return "jdbc-store";
	}

	@Override
	public void export(TraceData trace) {
		export(List.of(trace)).toCompletableFuture().join();
	}

	/** New traces in one batch; parts of stored traces merged one by one. */
	@Override
	public CompletionStage<Void> export(List<TraceData> traces) {
		this.schema.ensureReady();
		Map<String, TraceData> batch = new LinkedHashMap<>();
		for (TraceData trace : traces) {
			batch.merge(trace.traceId(), trace, (first, next) -> TraceParts.merge(first, next, this.maxSpansPerTrace));
		}
		List<String> stored = this.rows.existing(this.jdbc, List.copyOf(batch.keySet()));
		List<TraceData> fresh = new ArrayList<>();
		for (TraceData trace : batch.values()) {
			if (stored.contains(trace.traceId())) {
				mergeInto(trace);
			}
			else {
				fresh.add(trace);
			}
		}
		if (!fresh.isEmpty()) {
			try {
				this.transactions.executeWithoutResult((status) -> this.rows.insert(this.jdbc, fresh));
			}
			catch (DuplicateKeyException ex) {
				// Another instance stored one of them meanwhile: one by one, merging.
				fresh.forEach(this::insertOrMerge);
			}
		}
		return CompletableFuture.completedFuture(null);
	}

	private void insertOrMerge(TraceData trace) {
		try {
			this.transactions.executeWithoutResult((status) -> this.rows.insert(this.jdbc, List.of(trace)));
		}
		catch (DuplicateKeyException ex) {
			mergeInto(trace);
		}
	}

	private void mergeInto(TraceData part) {
		this.transactions.executeWithoutResult((status) -> {
			String json = this.rows.lockedJson(this.jdbc, part.traceId());
			if (json == null) {
				this.rows.insert(this.jdbc, List.of(part));
				return;
			}
			this.rows.update(this.jdbc, TraceParts.merge(TraceData.fromJson(json), part, this.maxSpansPerTrace));
		});
	}

	@Override
	public List<TraceData> findAll(TraceQuery query) {
		return reading(() -> this.rows.find(this.jdbc, query));
	}

	@Override
	public Optional<TraceData> findById(String traceId) {
		return reading(() -> this.rows.findById(this.jdbc, traceId));
	}

	@Override
	public void clear() {
		reading(() -> this.jdbc.update("DELETE FROM " + this.schema.table()));
	}

	/** What the endpoint asks of the database; a database that fails answers 503. */
	private <T> T reading(Supplier<T> query) {
		try {
			this.schema.ensureReady();
			return query.get();
		}
		catch (DataAccessException ex) {
			throw new TraceStoreUnavailableException(ex);
		}
	}

}
