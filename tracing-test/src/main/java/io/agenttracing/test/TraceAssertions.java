package io.agenttracing.test;

import io.agenttracing.SpanData;
import io.agenttracing.TraceData;

/**
 * Entry point of the assertions on traces, next to AssertJ's own: <pre>{@code
 * import static io.agenttracing.test.TraceAssertions.assertThat;
 *
 * assertThat(traces.last())
 *     .hasNoErrors()
 *     .hasSession("s1")
 *     .span("ResearchAgent.respond").hasChild("WeatherTool.call");
 * assertThat(traces.last()).spans().ofKind(LLM).hasSize(2);
 * assertThat(traces.last()).totalTokens().isLessThan(2_000);
 * }</pre>
 */
public final class TraceAssertions {

	private TraceAssertions() {
	}

	public static TraceAssert assertThat(TraceData trace) {
		return new TraceAssert(trace);
	}

	public static SpanAssert assertThat(SpanData span) {
		return new SpanAssert(span, null);
	}

}
