package io.agenttracing.sample.tools;

import java.util.Locale;
import java.util.Map;

import io.agenttracing.SpanKind;
import io.agenttracing.Tracing;
import io.agenttracing.annotation.Traced;
import io.agenttracing.sample.llm.ToolSpec;

import org.springframework.stereotype.Component;

/**
 * Reports the weather of a city. Offline and deterministic; Atlantis has no weather
 * station, so asking for it fails, which shows how a failing tool looks in a trace.
 */
@Component
public class WeatherTool implements Tool {

	private static final String[] CONDITIONS = { "sunny", "cloudy", "light rain", "windy", "foggy" };

	@Override
	public ToolSpec spec() {
		return new ToolSpec("weather", "Current weather of a city", Map.of("type", "object", "properties",
				Map.of("city", Map.of("type", "string")), "required", new String[] { "city" }));
	}

	@Override
	@Traced(kind = SpanKind.TOOL, attributes = "weather.source=simulated")
	public String call(Map<String, Object> arguments) {
		String city = String.valueOf(arguments.get("city"));
		Tracing.currentSpan().setAttribute("weather.city", city);
		return report(city);
	}

	/** The simulated weather of {@code city}; fails for Atlantis. */
	public static String report(String city) {
		if (city.toLowerCase(Locale.ROOT).equals("atlantis")) {
			throw new IllegalStateException("No weather station in Atlantis");
		}
		int hash = Math.abs(city.toLowerCase(Locale.ROOT).hashCode());
		int celsius = 5 + hash % 25;
		return "weather in " + city + ": " + CONDITIONS[hash % CONDITIONS.length] + ", " + celsius + "°C";
	}

}
