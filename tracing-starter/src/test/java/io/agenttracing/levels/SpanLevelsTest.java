package io.agenttracing.levels;

import java.util.List;
import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.annotation.Traced;
import io.agenttracing.export.memory.TraceQuery;
import io.agenttracing.testing.TracingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code agent.tracing.level}: spans below it are not recorded, their children attach to
 * the nearest recorded ancestor, and the trace's root always stays.
 */
class SpanLevelsTest {

	private TracingFixture fixture;

	@AfterEach
	void close() {
		this.fixture.close();
	}

	private Outer agent(Span.Level threshold) {
		this.fixture = new TracingFixture(4096, List.of(), threshold);
		Inner inner = this.fixture.proxy(new Inner());
		Detail detail = this.fixture.proxy(new Detail());
		return this.fixture.proxy(new Outer(detail, inner));
	}

	private static Map<String, String> parents(TraceData trace) {
		Map<String, String> names = new java.util.HashMap<>();
		trace.spans().forEach((span) -> names.put(span.spanId(), span.name()));
		Map<String, String> parents = new java.util.TreeMap<>();
		trace.spans()
			.forEach((span) -> parents.put(span.name(),
					(span.parentId() != null) ? names.getOrDefault(span.parentId(), "?") : "-"));
		return parents;
	}

	@Test
	void aTracedMethodBelowTheThresholdIsNotTracedAndWhatItCallsNestsInTheCaller() {
		assertThat(agent(Span.Level.INFO).run()).isEqualTo("parsed ok");

		TraceData trace = this.fixture.traces().get(0);
		assertThat(parents(trace)).containsExactly(Map.entry("Inner.work", "Outer.run"), Map.entry("Outer.run", "-"));
	}

	@Test
	void withTheThresholdLoweredTheDetailIsRecordedWithItsLevel() {
		assertThat(agent(Span.Level.DEBUG).run()).isEqualTo("parsed ok");

		TraceData trace = this.fixture.traces().get(0);
		assertThat(parents(trace)).containsExactly(Map.entry("Detail.parse", "Outer.run"),
				Map.entry("Inner.work", "Detail.parse"), Map.entry("Outer.run", "-"));
		SpanData detail = trace.spans().stream().filter((span) -> span.name().equals("Detail.parse")).findFirst().get();
		assertThat(detail.level()).isEqualTo(Span.Level.DEBUG);
		assertThat(trace.toJson()).contains("\"level\":\"DEBUG\"");
	}

	@Test
	void aSpanSetBelowTheThresholdIsLeftOutWhenTheTraceFinishes() {
		this.fixture = new TracingFixture(4096, List.of(), Span.Level.WARNING);
		try (Span root = this.fixture.tracer().startSpan("Agent.run", SpanKind.AGENT)) {
			root.setLevel(Span.Level.DEBUG);
			try (Span step = this.fixture.tracer().startSpan("Agent.step", SpanKind.INTERNAL)) {
				try (Span call = this.fixture.tracer().startSpan("Agent.call", SpanKind.LLM)) {
					call.setLevel(Span.Level.WARNING);
				}
				try (Span failed = this.fixture.tracer().startSpan("Agent.retry", SpanKind.TOOL)) {
					failed.setLevel(Span.Level.DEBUG).setError("timed out");
				}
			}
		}

		TraceData trace = this.fixture.traces().get(0);
		// The root stays though it is DEBUG; the INFO step goes, its children move up; a
		// failed span counts as ERROR and stays.
		assertThat(parents(trace)).containsExactly(Map.entry("Agent.call", "Agent.run"),
				Map.entry("Agent.retry", "Agent.run"), Map.entry("Agent.run", "-"));
		assertThat(trace.level()).isEqualTo(Span.Level.ERROR);
	}

	@Test
	void tracesAreFoundByTheLevelTheyReach() {
		this.fixture = new TracingFixture(4096, List.of(), Span.Level.DEBUG);
		try (Span root = this.fixture.tracer().startSpan("Quiet.run", SpanKind.AGENT)) {
			root.setAttribute("n", 1);
		}
		try (Span root = this.fixture.tracer().startSpan("Noisy.run", SpanKind.AGENT)) {
			try (Span fallback = this.fixture.tracer().startSpan("Noisy.fallback", SpanKind.INTERNAL)) {
				fallback.setLevel(Span.Level.WARNING);
			}
		}

		List<TraceData> traces = this.fixture.traces();
		TraceQuery warnings = new TraceQuery(null, null, null, 10, null, null, null, null, Span.Level.WARNING, null);
		assertThat(traces.stream().filter(warnings::matches).map(TraceData::name)).containsExactly("Noisy.run");
		assertThat(TraceData.toListJson(traces)).contains("\"level\":\"WARNING\"").contains("\"level\":\"INFO\"");
	}

	static class Outer {

		private final Detail detail;

		private final Inner inner;

		Outer(Detail detail, Inner inner) {
			this.detail = detail;
			this.inner = inner;
		}

		@Traced(name = "Outer.run", kind = SpanKind.AGENT)
		String run() {
			return this.detail.parse(this.inner);
		}

	}

	static class Detail {

		@Traced(name = "Detail.parse", level = Span.Level.DEBUG)
		String parse(Inner inner) {
			return "parsed " + inner.work();
		}

	}

	static class Inner {

		@Traced(name = "Inner.work")
		String work() {
			return "ok";
		}

	}

}
