package io.agenttracing.internal.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.agenttracing.Score;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.export.memory.TraceQuery;
import io.agenttracing.internal.capture.JsonValueCapturer;
import io.agenttracing.internal.trace.PendingExport;
import io.agenttracing.internal.trace.RecordingTracer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the JDBC trace store does on every database it supports: round trips, merges,
 * every list filter in SQL (with hostile input as plain text), retention by one instance
 * at a time, and the schema checks.
 */
abstract class JdbcTraceStoreContract {

	private final List<PendingExport> finished = new ArrayList<>();

	private final RecordingTracer tracer = RecordingTracer.builder()
		.sink(this.finished::add)
		.capturer(new JsonValueCapturer(4096, List.of()))
		.build();

	JdbcTraceStore store;

	StoreSchema schema;

	abstract DataSource dataSource();

	/** A prefix of its own per test: tests share the database, not tables. */
	String prefix;

	@BeforeEach
	void createStore() {
		this.prefix = "T" + Long.toHexString(System.nanoTime()).toUpperCase() + "_";
		this.schema = new StoreSchema(dataSource(), this.prefix, true);
		this.store = newStore(this.schema);
	}

	JdbcTraceStore newStore(StoreSchema schema) {
		return new JdbcTraceStore(new JdbcTemplate(dataSource()),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource())), schema, 100);
	}

	TraceData chat(String session, String user, String tag, boolean toolFails, String question) {
		this.finished.clear();
		try (Span root = this.tracer.startSpan("Agent.run", SpanKind.AGENT)) {
			this.tracer.currentTrace().setSessionId(session);
			this.tracer.currentTrace().setUserId(user);
			this.tracer.currentTrace().addTags(tag);
			root.setInput(Map.of("question", question)).setAttribute("tokens", 42L).setAttribute("ratio", 0.5);
			root.addLink("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", Map.of("link.type", "previous_turn"));
			try (Span llm = this.tracer.startSpan("chat gpt-4o-mini", SpanKind.LLM)) {
				llm.setModel("gpt-4o-mini").setTokenUsage(40, 12).setOutput("It is sunny");
				llm.score(Score.numeric("faithfulness", 0.75).withComment("mostly"));
			}
			try (Span tool = this.tracer.startSpan("weather", SpanKind.TOOL)) {
				tool.setLevel(Span.Level.WARNING);
				if (toolFails) {
					tool.setError(new IllegalStateException("no station"));
				}
			}
		}
		return this.finished.get(0).snapshot();
	}

	@Test
	void aTraceComesBackAsItWasStored() {
		TraceData trace = chat("s1", "ana", "beta", true, "Weather in Paris?");
		this.store.export(trace);

		TraceData read = this.store.findById(trace.traceId()).orElseThrow();
		assertThat(read.toJson()).isEqualTo(trace.toJson());
		assertThat(read.spans().get(0).attribute("tokens")).isEqualTo(42L);
		assertThat(read.spans().get(0).attribute("ratio")).isEqualTo(0.5);
		assertThat(read.spans().get(0).links()).hasSize(1);
		assertThat(read.score("faithfulness").orElseThrow().value()).isEqualTo(0.75);
		assertThat(this.store.findById("4bf92f3577b34da6a3ce929d0e0e4736")).isEmpty();
	}

	@Test
	void partsOfATraceAreMergedWhereverTheyComeFrom() {
		TraceData trace = chat("s1", "ana", "beta", false, "Weather?");
		this.store.export(trace);
		// A score that arrived later, and the same trace's part from another instance.
		TraceData score = TraceData.of(trace.traceId(), null, trace.startEpochNanos(), null, List.of(), true, 0)
			.withScores(List.of(Score.bool("helpful", false).withSource(Score.USER_FEEDBACK)));
		JdbcTraceStore otherInstance = newStore(this.schema);
		otherInstance.export(List.of(score));

		TraceData merged = this.store.findById(trace.traceId()).orElseThrow();
		assertThat(merged.spans()).hasSize(3);
		assertThat(merged.scores()).extracting(Score::name).containsExactly("faithfulness", "helpful");
	}

	@Test
	void valuesLongerThanTheirColumnsAreCutNotRefused() {
		TraceData trace = chat("s", "u", "t", false, "q");
		String longSession = "s".repeat(2_000);
		TraceData oversized = trace.withIdentity("u".repeat(2_000), null, List.of("t".repeat(5_000)));
		oversized = TraceData
			.of(oversized.traceId(), "n".repeat(2_000), oversized.startEpochNanos(), longSession, oversized.spans(),
					false, 0)
			.withIdentity("u".repeat(2_000), null, List.of("t".repeat(5_000)));
		this.store.export(oversized);

		TraceData read = this.store.findById(trace.traceId()).orElseThrow();
		assertThat(read.sessionId()).isEqualTo(longSession);
		assertThat(read.spans()).hasSize(3);
	}

	@Test
	void everyFilterRunsInTheDatabase() {
		TraceData failed = chat("s1", "ana", "beta", true, "Weather in Paris?");
		TraceData fine = chat("s2", "bo", "stable", false, "What is 100% of 6_7? it's 'quoted'");
		this.store.export(List.of(failed, fine));

		assertThat(ids(query(null, null, null, null, null, null, null, null))).containsExactly(fine.traceId(),
				failed.traceId());
		assertThat(ids(query(SpanKind.TOOL, null, null, null, null, null, null, null))).hasSize(2);
		assertThat(ids(query(SpanKind.NETWORK, null, null, null, null, null, null, null))).isEmpty();
		assertThat(ids(query(null, "s2", null, null, null, null, null, null))).containsExactly(fine.traceId());
		assertThat(ids(query(null, null, "ana", null, null, null, null, null))).containsExactly(failed.traceId());
		assertThat(ids(query(null, null, null, "stable", null, null, null, null))).containsExactly(fine.traceId());
		assertThat(ids(query(null, null, null, null, true, null, null, null))).containsExactly(failed.traceId());
		assertThat(ids(query(null, null, null, null, false, null, null, null))).containsExactly(fine.traceId());
		assertThat(ids(query(null, null, null, null, null, Span.Level.ERROR, null, null)))
			.containsExactly(failed.traceId());
		assertThat(ids(query(null, null, null, null, null, null, "PARIS", null))).containsExactly(failed.traceId());
		// Search text is a bound parameter, and its LIKE wildcards are plain characters.
		assertThat(ids(query(null, null, null, null, null, null, "100% of 6_7", null))).containsExactly(fine.traceId());
		// "%" finds the one trace that holds a percent sign, not every trace.
		assertThat(ids(query(null, null, null, null, null, null, "%", null))).containsExactly(fine.traceId());
		assertThat(ids(query(null, null, null, null, null, null, "'quoted'", null))).containsExactly(fine.traceId());
		assertThat(ids(query(null, "x' OR '1'='1", null, null, null, null, null, null))).isEmpty();
		assertThat(ids(query(null, null, null, "%", null, null, null, null))).isEmpty();
		assertThat(ids(query(null, null, null, null, null, null, null, "faithfulness>0.5"))).hasSize(2);
		assertThat(this.store.findAll(new TraceQuery(null, null, null, 1))).hasSize(1);
		// The next page: traces that started before the last one shown.
		assertThat(ids(this.store
			.findAll(new TraceQuery(null, null, null, 10, null, null, null, null, null, null, fine.startTime()))))
			.containsExactly(failed.traceId());
	}

	@Test
	void retentionDeletesByAgeAndCountOnOneInstanceAtATime() {
		for (int i = 0; i < 5; i++) {
			this.store.export(chat("s" + i, "u", "t", false, "q" + i));
		}
		StoreRetention first = new StoreRetention(new JdbcTemplate(dataSource()), this.schema, Duration.ofDays(7), 3,
				Duration.ofMinutes(5));
		StoreRetention second = new StoreRetention(new JdbcTemplate(dataSource()), this.schema, Duration.ofDays(7), 1,
				Duration.ofMinutes(5));

		assertThat(first.run()).isEqualTo(2);
		// The other instance waits for the first one's lease to run out.
		assertThat(second.run()).isZero();
		assertThat(this.store.findAll(TraceQuery.all())).hasSize(3);
		StoreRetention byAge = new StoreRetention(new JdbcTemplate(dataSource()), this.schema, Duration.ZERO, 100,
				Duration.ofMinutes(5));
		new JdbcTemplate(dataSource()).update("UPDATE " + this.prefix + "LOCK SET LOCKED_UNTIL = 0");
		assertThat(byAge.run()).isEqualTo(3);
		assertThat(this.store.findAll(TraceQuery.all())).isEmpty();
	}

	@Test
	void aMissingOrOlderSchemaIsNamedWithItsScript() {
		StoreSchema never = new StoreSchema(dataSource(), this.prefix + "X_", false);
		assertThatIllegalStateException().isThrownBy(never::ensureReady)
			.withMessageContaining(this.prefix + "X_TRACE do not exist")
			.withMessageContaining("classpath:io/agenttracing/store/schema-")
			.withMessageContaining("initialize-schema=always");
		this.store.findAll(TraceQuery.all());
		new JdbcTemplate(dataSource()).update("UPDATE " + this.prefix + "SCHEMA SET VERSION = 0");
		StoreSchema older = new StoreSchema(dataSource(), this.prefix, true);
		assertThatIllegalStateException().isThrownBy(older::ensureReady)
			.withMessageContaining("schema version 0, this release needs version 1");
	}

	private List<TraceData> query(SpanKind kind, String session, String user, String tag, Boolean errors,
			Span.Level level, String text, String score) {
		return this.store.findAll(new TraceQuery(kind, null, session, 10, text, errors, user, tag, level, score));
	}

	private static List<String> ids(List<TraceData> traces) {
		return traces.stream().map(TraceData::traceId).toList();
	}

}
