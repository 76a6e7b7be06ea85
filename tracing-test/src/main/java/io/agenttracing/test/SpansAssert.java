package io.agenttracing.test;

import java.util.List;
import java.util.function.Consumer;

import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/** Assertions on a group of spans of one trace, narrowed by kind, name or status. */
public final class SpansAssert extends AbstractAssert<SpansAssert, List<SpanData>> {

	private final TraceData trace;

	private final String description;

	SpansAssert(List<SpanData> spans, TraceData trace, String description) {
		super(spans, SpansAssert.class);
		this.trace = trace;
		this.description = description;
	}

	/** The spans of this kind. */
	public SpansAssert ofKind(SpanKind kind) {
		return new SpansAssert(this.actual.stream().filter((span) -> span.kind() == kind).toList(), this.trace,
				"spans of kind " + kind);
	}

	/** The spans with this name. */
	public SpansAssert named(String name) {
		return new SpansAssert(this.actual.stream().filter((span) -> span.name().equals(name)).toList(), this.trace,
				"spans named " + name);
	}

	/** The spans with this status. */
	public SpansAssert withStatus(SpanStatus status) {
		return new SpansAssert(this.actual.stream().filter((span) -> span.status() == status).toList(), this.trace,
				"spans with status " + status);
	}

	public SpansAssert hasSize(int size) {
		if (this.actual.size() != size) {
			failWithMessage("Expected %d %s in trace <%s> but found %d: %s", size, this.description, this.trace.name(),
					this.actual.size(), TraceAssert.names(this.actual));
		}
		return this;
	}

	public SpansAssert isEmpty() {
		return hasSize(0);
	}

	public SpansAssert isNotEmpty() {
		if (this.actual.isEmpty()) {
			failWithMessage("Expected %s in trace <%s> but there were none; its spans are %s", this.description,
					this.trace.name(), TraceAssert.names(this.trace.spans()));
		}
		return this;
	}

	/** Runs the assertions on every span of the group. */
	public SpansAssert allSatisfy(Consumer<SpanAssert> requirements) {
		for (SpanData span : this.actual) {
			requirements.accept(new SpanAssert(span, this.trace));
		}
		return this;
	}

	/** The group as a list, for any of AssertJ's list assertions. */
	public ListAssert<SpanData> asSpanList() {
		return Assertions.assertThat(this.actual);
	}

}
