package io.agenttracing;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One operation of an agent: an LLM call, a tool execution, a memory read. A span is live
 * until it ends; after that every change is ignored. Spans are thread-safe.
 * <p>
 * A span obtained from {@link Tracer#startSpan(String, SpanKind)} or
 * {@link Tracing#startSpan} is current on the calling thread until it is closed, so use
 * it with try-with-resources: <pre>{@code
 * try (Span span = Tracing.startSpan("rerank", SpanKind.INTERNAL)) {
 *     span.setAttribute("candidates", candidates.size());
 *     return reranker.rerank(candidates);
 * }
 * }</pre>
 */
public interface Span extends AutoCloseable {

	/**
	 * Attribute key for the model an LLM span called (OpenTelemetry GenAI convention).
	 */
	String MODEL_ATTRIBUTE = "gen_ai.request.model";

	/** Attribute key for the prompt tokens an LLM span consumed. */
	String INPUT_TOKENS_ATTRIBUTE = "gen_ai.usage.input_tokens";

	/** Attribute key for the completion tokens an LLM span produced. */
	String OUTPUT_TOKENS_ATTRIBUTE = "gen_ai.usage.output_tokens";

	/** Attribute key for the prompt tokens an LLM span read from the provider's cache. */
	String CACHED_INPUT_TOKENS_ATTRIBUTE = "gen_ai.usage.cache_read_input_tokens";

	/**
	 * Attribute key for the cost of an LLM span in US dollars, computed from the price
	 * table when the span ends unless set.
	 */
	String COST_ATTRIBUTE = "gen_ai.usage.cost";

	/** Attribute key for the name of the prompt (template) an LLM span used. */
	String PROMPT_NAME_ATTRIBUTE = "prompt.name";

	/** Attribute key for the version of the prompt (template) an LLM span used. */
	String PROMPT_VERSION_ATTRIBUTE = "prompt.version";

	/** A span that records nothing, used when there is no trace or tracing is off. */
	static Span noop() {
		return NoopSpan.INSTANCE;
	}

	/** 32 lowercase hex characters; all zeros for a span that does not record. */
	String traceId();

	/** 16 lowercase hex characters; all zeros for a span that does not record. */
	String spanId();

	/** The parent's span id, or {@code null} for a root span. */
	@Nullable String parentId();

	String name();

	SpanKind kind();

	SpanStatus status();

	/** The session of the trace this span belongs to, if one was set. */
	@Nullable String sessionId();

	/** Whether this span records what is set on it. */
	boolean isRecording();

	/**
	 * Sets an attribute. Strings, numbers, booleans and lists of them are kept as they
	 * are; other values are captured as JSON. A {@code null} value removes the attribute.
	 */
	Span setAttribute(String key, @Nullable Object value);

	/** Adds an event named {@code name} that happens now. */
	Span addEvent(String name);

	Span addEvent(SpanEvent event);

	/**
	 * Adds a signal whose type is detected from the value; a value that is not numeric or
	 * boolean is ignored.
	 */
	Span addSignal(String name, Object value);

	Span setTag(String key, String value);

	/** Captures the span's input as JSON (truncated and redacted as configured). */
	Span setInput(@Nullable Object input);

	/** Captures the span's output as JSON (truncated and redacted as configured). */
	Span setOutput(@Nullable Object output);

	/** Sets input that is already JSON text, as captured elsewhere. */
	Span setInputJson(@Nullable String json);

	/** Sets output that is already JSON text, as captured elsewhere. */
	Span setOutputJson(@Nullable String json);

	/** Records the model an LLM span called. */
	default Span setModel(String model) {
		return setAttribute(MODEL_ATTRIBUTE, model);
	}

	/** Records the token usage of an LLM span. */
	default Span setTokenUsage(long inputTokens, long outputTokens) {
		setAttribute(INPUT_TOKENS_ATTRIBUTE, inputTokens);
		return setAttribute(OUTPUT_TOKENS_ATTRIBUTE, outputTokens);
	}

	/**
	 * Records which prompt (template) an LLM span used, so backends that manage prompts
	 * (Langfuse) link the call to it and quality can be compared per version.
	 * @param name the prompt's name
	 * @param version its version, or {@code null}
	 */
	default Span setPrompt(String name, @Nullable String version) {
		setAttribute(PROMPT_NAME_ATTRIBUTE, name);
		return setAttribute(PROMPT_VERSION_ATTRIBUTE, version);
	}

	/**
	 * Sets how much the span matters. A span below {@code agent.tracing.level} is left
	 * out of its trace when the trace finishes, its children attached to its parent.
	 */
	Span setLevel(Level level);

	/** The span's level; {@link Level#INFO} unless set. */
	Level level();

	/**
	 * Links a span of this or another trace that caused this one without being its
	 * parent. Ids that are not W3C ids (32 and 16 lowercase hex characters, not all
	 * zeros) are dropped with a warning; a span keeps at most 32 links.
	 */
	Span addLink(String traceId, String spanId, Map<String, Object> attributes);

	/**
	 * Gives this span a score: a judgement of this step, kept with its trace. A span that
	 * does not record ignores it.
	 */
	Span score(Score score);

	/** Links {@code cause}: this span's work follows from it. */
	default Span followsFrom(Span cause) {
		return addLink(cause.traceId(), cause.spanId(), Map.of());
	}

	/**
	 * Marks the span as failed with the exception's type, message and a bounded stack
	 * trace.
	 */
	Span setError(Throwable error);

	/** Marks the span as failed with a message only. */
	Span setError(String message);

	Span setStatus(SpanStatus status);

	/** Sets the status unless one was set already, for example by {@link #setError}. */
	Span setStatusIfUnset(SpanStatus status);

	boolean isEnded();

	/** How long the span took, or has been running so far if it has not ended. */
	Duration duration();

	/**
	 * Ends the span; only the first call counts. Does not change what is current on the
	 * thread.
	 */
	void end();

	/**
	 * Ends the span like a call that returned normally: its status becomes {@code OK}
	 * unless one was set (by {@link #setError}, say, which makes it {@code ERROR}). If
	 * the span is current on this thread, its parent scope becomes current again.
	 */
	@Override
	void close();

	/**
	 * Sets the status unless one was set, then closes the span as {@link #close()} does:
	 * what a successful call does, in one step.
	 */
	default void close(SpanStatus statusIfUnset) {
		setStatusIfUnset(statusIfUnset);
		close();
	}

	/**
	 * How much a span matters, as log levels say it: {@code agent.tracing.level} is the
	 * threshold below which spans are not recorded (their children then attach to the
	 * nearest recorded ancestor), and backends that know levels (Langfuse) show and
	 * filter by them. A span is {@link #INFO} unless it says otherwise.
	 */
	enum Level {

		/** Detail for debugging: steps a production trace can do without. */
		DEBUG,

		/** The default: the steps of the agent's work. */
		INFO,

		/** Something went unexpectedly but the work went on: a retry, a fallback. */
		WARNING,

		/** The step failed. A span whose status is {@code ERROR} counts as this level. */
		ERROR;

		/** Whether this level is {@code threshold} or above it. */
		public boolean isAtLeast(Level threshold) {
			return ordinal() >= threshold.ordinal();
		}

	}

}
