package io.agenttracing.export.memory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceQueryTest {

	@Test
	void textMatchesIgnoringCaseAnywhereInTheValue() {
		assertThat(TraceQuery.contains("What is the Weather in Paris?", "weather in paris")).isTrue();
		assertThat(TraceQuery.contains("WeatherTool.call", "TOOL.CALL")).isTrue();
		assertThat(TraceQuery.contains("Paris", "Paris!")).isFalse();
		assertThat(TraceQuery.contains("Paris", "rome")).isFalse();
		assertThat(TraceQuery.contains(null, "x")).isFalse();
	}

}
