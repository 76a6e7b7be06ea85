package io.agenttracing.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A small research agent that answers chat messages with an LLM, tools, memory and a
 * knowledge service, traced end to end with {@code @Traced}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleAgentApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleAgentApplication.class, args);
	}

}
