package io.agenttracing.shutdownapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.Tracer;
import io.agenttracing.export.TraceExporter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A stock application whose only exporter takes 20 ms per trace and writes each trace id
 * to a file; at startup it finishes 200 traces at once, so they wait in the export queue,
 * and says so on standard output. Its package is outside the stock application's, so
 * neither scans the other.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class ShutdownApplication {

	static final int TRACES = 200;

	public static void main(String[] args) {
		SpringApplication.run(ShutdownApplication.class, args);
	}

	@Bean
	TraceExporter slowFileExporter(@Value("${shutdown-test.out}") Path out) {
		return (TraceData trace) -> {
			try {
				// A collector that takes 20 ms per trace.
				Thread.sleep(20);
				Files.writeString(out, trace.traceId() + System.lineSeparator(), StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	@Bean
	ApplicationRunner queueTraces(Tracer tracer) {
		return (args) -> {
			for (int i = 0; i < TRACES; i++) {
				tracer.startSpan("queued-" + i, SpanKind.AGENT).close();
			}
			System.out.println("QUEUED " + TRACES);
		};
	}

}
