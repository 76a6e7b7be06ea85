package io.agenttracing.stockapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * An application as a user writes it: webmvc, actuator and the starter, {@code @Async}
 * work, an executor from Boot's builder and Reactor code, and no tracing set-up of its
 * own.
 */
@SpringBootApplication
@EnableAsync
public class StockApplication {

	public static void main(String[] args) {
		SpringApplication.run(StockApplication.class, args);
	}

}
