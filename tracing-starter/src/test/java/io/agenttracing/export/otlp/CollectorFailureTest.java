package io.agenttracing.export.otlp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.agenttracing.SpanKind;
import io.agenttracing.annotation.Traced;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.export.otlp.FakeOtlpCollector.Mode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A web application exporting over OTLP to a collector that goes down, answers 503 and
 * 500, and hangs: the application's requests keep their status and stay fast, failures
 * are counted and logged without a storm, queues stay bounded, and export resumes when
 * the collector recovers.
 */
@SpringBootTest(classes = CollectorFailureTest.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=failure-test", "agent.tracing.exporters.otlp.enabled=true",
				"agent.tracing.exporters.otlp.timeout=1s", "agent.tracing.exporters.otlp.retry.max-attempts=2",
				"agent.tracing.exporters.otlp.retry.initial-backoff=50ms",
				"agent.tracing.exporters.otlp.retry.max-backoff=100ms", "agent.tracing.export.queue-capacity=16",
				"agent.tracing.export.schedule-delay=10ms",
				"spring.autoconfigure.exclude=org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class CollectorFailureTest {

	static final int CAPACITY = 16;

	static final FakeOtlpCollector collector = new FakeOtlpCollector();

	@DynamicPropertySource
	static void collectorEndpoint(DynamicPropertyRegistry registry) {
		registry.add("agent.tracing.exporters.otlp.endpoint", collector::endpoint);
	}

	@AfterAll
	static void stop() {
		collector.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@Autowired
	ExportPipeline pipeline;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void collectorFailuresNeverReachTheApplication(CapturedOutput output) throws Exception {
		requests(3);
		await().until(() -> collector.spans().size() == 3);

		for (Mode failure : new Mode[] { null, Mode.UNAVAILABLE_503, Mode.ERROR_500, Mode.HANG }) {
			if (failure == null) {
				collector.down();
			}
			else {
				collector.mode(failure);
			}
			requests(25);
			assertThat(this.pipeline.queueSize()).isLessThanOrEqualTo(CAPACITY);
			assertThat(this.pipeline.queueSize("otlp")).isLessThanOrEqualTo(CAPACITY);
			if (failure == null) {
				collector.up();
			}
		}
		collector.mode(Mode.OK);
		double lost = count("agent.tracing.traces.failed") + count("agent.tracing.traces.dropped");
		assertThat(lost).isGreaterThanOrEqualTo(50);

		int before = collector.spans().size();
		requests(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> collector.spans().size() > before);

		long failureLines = output.getAll().lines().filter((line) -> line.contains("Exporter 'otlp' failed")).count();
		assertThat(failureLines).isBetween(1L, 3L);
		// The OpenTelemetry exporter's own lines would repeat ours several times a
		// minute: none are left.
		assertThat(output.getAll()).doesNotContain("Failed to export").doesNotContain("i.o.exporter.internal");
	}

	/**
	 * Sends requests and checks each answers 200 well within the collector's timeouts.
	 */
	private void requests(int count) throws Exception {
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/work")).build(),
					HttpResponse.BodyHandlers.ofString());
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("done");
			// The collector's timeout is a second and it may hang forever: a request that
			// waited on it would take that long.
			assertThat(took).isLessThan(Duration.ofMillis(900));
		}
	}

	private double count(String name) {
		return this.registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ WorkController.class, Worker.class })
	static class Application {

	}

	@RestController
	static class WorkController {

		private final Worker worker;

		WorkController(Worker worker) {
			this.worker = worker;
		}

		@GetMapping("/work")
		String work() {
			return this.worker.work();
		}

	}

	static class Worker {

		@Traced(kind = SpanKind.AGENT)
		public String work() {
			return "done";
		}

	}

}
