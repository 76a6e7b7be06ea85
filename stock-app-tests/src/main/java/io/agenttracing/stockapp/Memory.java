package io.agenttracing.stockapp;

import io.agenttracing.SpanKind;
import io.agenttracing.annotation.Traced;

import org.springframework.stereotype.Component;

@Component
public class Memory {

	@Traced(kind = SpanKind.MEMORY)
	public String load(String key) {
		return "memory of " + key;
	}

}
