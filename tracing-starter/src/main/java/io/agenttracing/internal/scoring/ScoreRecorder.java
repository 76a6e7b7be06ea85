package io.agenttracing.internal.scoring;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.agenttracing.Score;
import io.agenttracing.SpanData;
import io.agenttracing.TraceData;
import io.agenttracing.export.memory.TraceRepository;
import io.agenttracing.internal.trace.PendingExport;
import io.agenttracing.internal.trace.Scores;
import io.agenttracing.internal.trace.TraceSink;
import org.jspecify.annotations.Nullable;

/**
 * Adds scores to finished traces: checks the trace (and span) against the store, bounds
 * and masks the score like any captured value, and sends it to every exporter as a
 * score-only fragment of its trace, which the store merges and the OTLP exporter turns
 * into a small follow-up span. Never throws for bad input: the result says what happened.
 */
public final class ScoreRecorder implements Score.Recorder {

	private final TraceSink sink;

	private final @Nullable TraceRepository store;

	private final UnaryOperator<Score> bounds;

	/**
	 * @param sink where the score-only fragments go: the export pipeline
	 * @param store the trace store, or {@code null} when the application keeps none
	 * @param bounds bounds and masks a score as the tracer bounds captured values
	 */
	public ScoreRecorder(TraceSink sink, @Nullable TraceRepository store, UnaryOperator<Score> bounds) {
		this.sink = sink;
		this.store = store;
		this.bounds = bounds;
	}

	@Override
	public Result add(String traceId, @Nullable String spanId, Score score) {
		if (traceId == null || !traceId.matches("[0-9a-f]{32}") || traceId.equals("0".repeat(32))) {
			return new Result(Outcome.REFUSED, "'" + traceId + "' is not a trace id (32 lowercase hex characters)");
		}
		if (score == null) {
			return new Result(Outcome.REFUSED, "No score given");
		}
		if (spanId != null && !spanId.matches("[0-9a-f]{16}")) {
			return new Result(Outcome.REFUSED, "'" + spanId + "' is not a span id (16 lowercase hex characters)");
		}
		if (this.store == null) {
			send(traceId, score.forSpan(spanId));
			return new Result(Outcome.EXPORTED, "Sent to the exporters; the application keeps no trace store");
		}
		Optional<TraceData> trace = this.store.findById(traceId);
		if (trace.isEmpty()) {
			return new Result(Outcome.UNKNOWN_TRACE,
					"No trace " + traceId + " in the store: it never was, or it was evicted");
		}
		if (spanId != null && trace.get().spans().stream().map(SpanData::spanId).noneMatch(spanId::equals)) {
			return new Result(Outcome.REFUSED, "Trace " + traceId + " has no span " + spanId);
		}
		if (trace.get().scores().size() >= Scores.MAX_PER_TRACE) {
			return new Result(Outcome.REFUSED,
					"Trace " + traceId + " holds " + Scores.MAX_PER_TRACE + " scores, the most a trace keeps");
		}
		send(traceId, score.forSpan(spanId));
		return new Result(Outcome.ADDED, "Added to trace " + traceId);
	}

	/**
	 * Adds an evaluator's score to the trace it judged. The trace is known (the evaluator
	 * got it), though the store may not hold it yet: lanes run side by side.
	 */
	void addEvaluated(TraceData trace, Score score) {
		send(trace.traceId(), score);
	}

	private void send(String traceId, Score score) {
		Score kept = this.bounds.apply(score);
		TraceData fragment = TraceData
			.of(traceId, null, kept.time().getEpochSecond() * 1_000_000_000L + kept.time().getNano(), null, List.of(),
					true, 0)
			.withScores(List.of(kept));
		this.sink.submit(new PendingExport() {

			@Override
			public String traceId() {
				return traceId;
			}

			@Override
			public TraceData snapshot() {
				return fragment;
			}

		});
	}

}
