package io.agenttracing.internal.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import io.agenttracing.SpanData;
import io.agenttracing.TraceData;
import io.agenttracing.export.memory.TraceQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of the trace table: a trace's summary in columns the list filters on, its
 * lowercased text for search, and the whole trace as JSON. Every value a caller controls
 * is a bound parameter; values longer than their column are cut, never refused.
 */
final class TraceRows {

	/** Longest search text kept per trace: names, attributes, input and output. */
	static final int MAX_SEARCH_TEXT = 200_000;

	/** Scores are compared in Java on this many more rows than the page asks for. */
	private static final int SCORE_FILTER_OVERFETCH = 5;

	private static final String COLUMNS = "TRACE_ID, NAME, STATUS, START_NANOS, DURATION_NANOS, SESSION_ID, USER_ID, "
			+ "TAGS, KINDS, SPAN_COUNT, ERROR_COUNT, LEVEL_RANK, HAS_SPANS, SEARCH_TEXT, TRACE_JSON, UPDATED_NANOS";

	private final String table;

	TraceRows(String table) {
		this.table = table;
	}

	List<String> existing(JdbcTemplate jdbc, List<String> traceIds) {
		if (traceIds.isEmpty()) {
			return List.of();
		}
		String marks = String.join(", ", Collections.nCopies(traceIds.size(), "?"));
		return jdbc.queryForList("SELECT TRACE_ID FROM " + this.table + " WHERE TRACE_ID IN (" + marks + ")",
				String.class, traceIds.toArray());
	}

	void insert(JdbcTemplate jdbc, List<TraceData> traces) {
		String marks = String.join(", ", Collections.nCopies(16, "?"));
		jdbc.batchUpdate("INSERT INTO " + this.table + " (" + COLUMNS + ") VALUES (" + marks + ")",
				traces.stream().map(TraceRows::values).toList());
	}

	void update(JdbcTemplate jdbc, TraceData trace) {
		Object[] values = values(trace);
		Object[] updated = new Object[values.length];
		System.arraycopy(values, 1, updated, 0, values.length - 1);
		updated[values.length - 1] = trace.traceId();
		jdbc.update("UPDATE " + this.table + " SET NAME = ?, STATUS = ?, START_NANOS = ?, DURATION_NANOS = ?, "
				+ "SESSION_ID = ?, USER_ID = ?, TAGS = ?, KINDS = ?, SPAN_COUNT = ?, ERROR_COUNT = ?, LEVEL_RANK = ?, "
				+ "HAS_SPANS = ?, SEARCH_TEXT = ?, TRACE_JSON = ?, UPDATED_NANOS = ? WHERE TRACE_ID = ?", updated);
	}

	/** The stored JSON of a trace, its row locked until the transaction ends. */
	@Nullable String lockedJson(JdbcTemplate jdbc, String traceId) {
		List<String> json = jdbc.queryForList("SELECT TRACE_JSON FROM " + this.table + " WHERE TRACE_ID = ? FOR UPDATE",
				String.class, traceId);
		return json.isEmpty() ? null : json.get(0);
	}

	Optional<TraceData> findById(JdbcTemplate jdbc, String traceId) {
		List<String> json = jdbc.queryForList(
				"SELECT TRACE_JSON FROM " + this.table + " WHERE TRACE_ID = ? AND HAS_SPANS = TRUE", String.class,
				traceId);
		return json.isEmpty() ? Optional.empty() : Optional.of(TraceData.fromJson(json.get(0)));
	}

	List<TraceData> find(JdbcTemplate jdbc, TraceQuery query) {
		StringBuilder sql = new StringBuilder("SELECT TRACE_JSON FROM ").append(this.table)
			.append(" WHERE HAS_SPANS = TRUE");
		List<Object> arguments = new ArrayList<>();
		if (query.kind() != null) {
			sql.append(" AND KINDS LIKE ?");
			arguments.add("%," + query.kind().name() + ",%");
		}
		if (query.status() != null) {
			sql.append(" AND STATUS = ?");
			arguments.add(query.status().name());
		}
		if (query.sessionId() != null) {
			sql.append(" AND SESSION_ID = ?");
			arguments.add(query.sessionId());
		}
		if (query.userId() != null) {
			sql.append(" AND USER_ID = ?");
			arguments.add(query.userId());
		}
		if (query.tag() != null) {
			sql.append(" AND TAGS LIKE ? ESCAPE '\\'");
			arguments.add("%," + escapeLike(query.tag()) + ",%");
		}
		if (query.withErrors() != null) {
			sql.append(query.withErrors() ? " AND ERROR_COUNT > 0" : " AND ERROR_COUNT = 0");
		}
		if (query.level() != null) {
			sql.append(" AND LEVEL_RANK >= ?");
			arguments.add(query.level().ordinal());
		}
		if (query.before() != null) {
			sql.append(" AND START_NANOS < ?");
			arguments.add(query.before().getEpochSecond() * 1_000_000_000L + query.before().getNano());
		}
		if (query.text() != null && !query.text().isBlank()) {
			sql.append(" AND SEARCH_TEXT LIKE ? ESCAPE '\\'");
			arguments.add("%" + escapeLike(query.text().trim().toLowerCase(Locale.ROOT)) + "%");
		}
		boolean scored = query.score() != null && !query.score().isBlank();
		int rows = scored ? Math.min(query.limit() * SCORE_FILTER_OVERFETCH, 5_000) : query.limit();
		sql.append(" ORDER BY START_NANOS DESC LIMIT ?");
		arguments.add(rows);
		List<TraceData> traces = jdbc.queryForList(sql.toString(), String.class, arguments.toArray())
			.stream()
			.map(TraceData::fromJson)
			.toList();
		return scored ? traces.stream().filter(query::matches).limit(query.limit()).toList() : traces;
	}

	private static Object[] values(TraceData trace) {
		TreeSet<String> kinds = new TreeSet<>();
		trace.spans().forEach((span) -> kinds.add(span.kind().name()));
		return new Object[] { trace.traceId(), cut(trace.name(), 512), trace.status().name(), trace.startEpochNanos(),
				Math.max(trace.durationNanos(), 0), cut(trace.sessionId(), 512), cut(trace.userId(), 512),
				cut(delimited(trace.tags()), 4096), delimited(new ArrayList<>(kinds)), trace.spanCount(),
				trace.errorCount(), trace.level().ordinal(), !trace.spans().isEmpty(), searchText(trace),
				trace.toJson(), System.currentTimeMillis() * 1_000_000L };
	}

	/** ",a,b," so that a LIKE '%,a,%' finds a whole entry. */
	private static String delimited(List<String> entries) {
		return entries.isEmpty() ? "," : "," + String.join(",", entries) + ",";
	}

	private static String searchText(TraceData trace) {
		StringBuilder text = new StringBuilder();
		for (SpanData span : trace.spans()) {
			if (text.length() >= MAX_SEARCH_TEXT) {
				break;
			}
			text.append(span.name()).append('\n');
			span.attributes().values().forEach((value) -> text.append(value).append('\n'));
			if (span.input() != null) {
				text.append(span.input()).append('\n');
			}
			if (span.output() != null) {
				text.append(span.output()).append('\n');
			}
		}
		String lower = text.toString().toLowerCase(Locale.ROOT);
		return (lower.length() > MAX_SEARCH_TEXT) ? lower.substring(0, MAX_SEARCH_TEXT) : lower;
	}

	private static @Nullable String cut(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
