package io.agenttracing.test;

import java.util.List;

import io.agenttracing.Score;
import io.agenttracing.Span;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractLongAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on one trace: what an agent did, in the questions a developer asks of it.
 */
public final class TraceAssert extends AbstractAssert<TraceAssert, TraceData> {

	TraceAssert(TraceData trace) {
		super(trace, TraceAssert.class);
	}

	/** The first span with this name, to assert on; fails listing the names there are. */
	public SpanAssert hasSpanNamed(String name) {
		isNotNull();
		SpanData span = this.actual.span(name);
		if (span == null) {
			throw new AssertionError(String.format("Expected trace <%s> to have a span named <%s> but its spans are %s",
					this.actual.name(), name, names(this.actual.spans())));
		}
		return new SpanAssert(span, this.actual);
	}

	/** The first span with this name; the same as {@link #hasSpanNamed}. */
	public SpanAssert span(String name) {
		return hasSpanNamed(name);
	}

	/** The first root span. */
	public SpanAssert rootSpan() {
		isNotNull();
		List<SpanData> roots = this.actual.roots();
		if (roots.isEmpty()) {
			failWithMessage("Expected trace <%s> to have a root span but it has none", this.actual.traceId());
		}
		return new SpanAssert(roots.get(0), this.actual);
	}

	/** All spans of the trace, to narrow down and count. */
	public SpansAssert spans() {
		isNotNull();
		return new SpansAssert(this.actual.spans(), this.actual, "all spans");
	}

	/** Fails if any span of the trace has status ERROR, naming them with their errors. */
	public TraceAssert hasNoErrors() {
		isNotNull();
		List<SpanData> failed = this.actual.spans()
			.stream()
			.filter((span) -> span.status() == SpanStatus.ERROR)
			.toList();
		if (!failed.isEmpty()) {
			failWithMessage("Expected trace <%s> to have no errors but these spans failed: %s", this.actual.name(),
					failed.stream()
						.map((span) -> span.name()
								+ ((span.error() != null) ? " (" + span.error().message() + ")" : ""))
						.toList());
		}
		return this;
	}

	/** The trace's status: ERROR when one of its root spans failed. */
	public TraceAssert hasStatus(SpanStatus status) {
		isNotNull();
		if (this.actual.status() != status) {
			failWithMessage("Expected trace <%s> to have status <%s> but it was <%s>", this.actual.name(), status,
					this.actual.status());
		}
		return this;
	}

	public TraceAssert hasSession(String sessionId) {
		isNotNull();
		if (!sessionId.equals(this.actual.sessionId())) {
			failWithMessage("Expected trace <%s> to have session <%s> but it had <%s>", this.actual.name(), sessionId,
					this.actual.sessionId());
		}
		return this;
	}

	/**
	 * The newest score of this name, of the trace or any of its spans, to assert on;
	 * fails listing the scores there are.
	 */
	public ScoreAssert hasScore(String name) {
		isNotNull();
		return this.actual.score(name)
			.map(ScoreAssert::new)
			.orElseThrow(
					() -> new AssertionError(String.format("Expected trace <%s> to have a score <%s> but it has %s",
							this.actual.name(), name, this.actual.scores().stream().map(Score::name).toList())));
	}

	public TraceAssert hasSpanCount(int count) {
		isNotNull();
		if (this.actual.spanCount() != count) {
			failWithMessage("Expected trace <%s> to have %d spans but it has %d: %s", this.actual.name(), count,
					this.actual.spanCount(), names(this.actual.spans()));
		}
		return this;
	}

	/** Input plus output tokens of every LLM span ({@code gen_ai.usage.*_tokens}). */
	public AbstractLongAssert<?> totalTokens() {
		isNotNull();
		return Assertions.assertThat(tokens(Span.INPUT_TOKENS_ATTRIBUTE) + tokens(Span.OUTPUT_TOKENS_ATTRIBUTE))
			.as("total tokens of trace <%s>", this.actual.name());
	}

	/** Input tokens of every LLM span. */
	public AbstractLongAssert<?> inputTokens() {
		isNotNull();
		return Assertions.assertThat(tokens(Span.INPUT_TOKENS_ATTRIBUTE))
			.as("input tokens of trace <%s>", this.actual.name());
	}

	/** Output tokens of every LLM span. */
	public AbstractLongAssert<?> outputTokens() {
		isNotNull();
		return Assertions.assertThat(tokens(Span.OUTPUT_TOKENS_ATTRIBUTE))
			.as("output tokens of trace <%s>", this.actual.name());
	}

	private long tokens(String attribute) {
		long total = 0;
		for (SpanData span : this.actual.spans()) {
			if (span.kind() == SpanKind.LLM && span.attribute(attribute) instanceof Number tokens) {
				total += tokens.longValue();
			}
		}
		return total;
	}

	static List<String> names(List<SpanData> spans) {
		return spans.stream().map((span) -> span.name() + " [" + span.kind() + "]").toList();
	}

}
