package io.agenttracing.sample.springai;

import java.util.List;

import io.agenttracing.sample.tools.CalculatorTool;
import io.agenttracing.sample.tools.WeatherTool;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/**
 * The Spring AI agent's tools: plain {@code @Tool} methods, with no tracing code. Each
 * call is noted in {@code used}, so the answer can say which tools helped.
 */
class AgentTools {

	private final List<String> used;

	AgentTools(List<String> used) {
		this.used = used;
	}

	@Tool(description = "Current weather of a city")
	String weather(@ToolParam(description = "the city, for example Paris") String city) {
		this.used.add("weather");
		return WeatherTool.report(city);
	}

	@Tool(description = "Evaluates an arithmetic expression with + - * / and parentheses")
	String calculator(@ToolParam(description = "for example (12+3)*7") String expression) {
		this.used.add("calculator");
		return CalculatorTool.evaluate(expression);
	}

}
