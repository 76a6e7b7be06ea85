package io.agenttracing.sample;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.agenttracing.TraceData;
import io.agenttracing.export.TraceExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.exporters.console.enabled=false", "agent.tracing.export.schedule-delay=10ms",
				"agent.tracing.export.queue-capacity=8", "agent.tracing.export.timeout=200ms",
				"sample.llm.simulated-latency=1ms" })
class FailingExportersTest {

	static final int CHATS = 30;

	@LocalServerPort
	int port;

	@Autowired
	ThrowingExporter throwing;

	@Autowired
	BlockingExporter blocking;

	@AfterEach
	void release() {
		this.blocking.release.countDown();
	}

	@Test
	void throwingAndHangingExportersDoNotAffectResponses() {
		Http http = new Http(this.port);
		String lastTraceId = null;
		for (int i = 0; i < CHATS; i++) {
			Http.Response response = http.chat("s" + i, "What is " + i + "*2?");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().get("answer").asString()).contains(i + "*2 = " + (i * 2));
			lastTraceId = response.json().get("traceId").asString();
			String traceId = lastTraceId;
			// Waiting for each trace to reach the memory store proves the healthy
			// exporter keeps up while the blocking one is stuck on its first trace.
			http.chatTrace(traceId);
		}
		// Each chat exports two parts of its trace: the knowledge request's and the
		// chat's own.
		int exports = 2 * CHATS;
		await().untilAsserted(() -> assertThat(this.throwing.calls).hasValue(exports));
		assertThat(this.blocking.entered).hasValue(1);
		assertThat(http.get("/actuator/traces?limit=1000").json().get("traces")).hasSize(CHATS);
		await().untilAsserted(() -> {
			assertThat(metric(http, "agent.tracing.traces.failed", "throwing")).isEqualTo(exports);
			// One trace is stuck in the exporter and eight wait in its queue; the rest
			// are dropped.
			assertThat(metric(http, "agent.tracing.traces.dropped", "blocking")).isEqualTo(exports - 1 - 8);
		});
	}

	private static double metric(Http http, String name, String exporter) {
		return http.get("/actuator/metrics/" + name + "?tag=exporter:" + exporter)
			.json()
			.get("measurements")
			.get(0)
			.get("value")
			.asDouble();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ExporterConfiguration {

		@Bean
		ThrowingExporter throwingExporter() {
			return new ThrowingExporter();
		}

		@Bean
		BlockingExporter blockingExporter() {
			return new BlockingExporter();
		}

	}

	static class ThrowingExporter implements TraceExporter {

		final AtomicInteger calls = new AtomicInteger();

		@Override
		public void export(TraceData trace) {
			this.calls.incrementAndGet();
			throw new IllegalStateException("collector unreachable");
		}

		@Override
		public String name() {
			return "throwing";
		}

	}

	static class BlockingExporter implements TraceExporter {

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger entered = new AtomicInteger();

		@Override
		public void export(TraceData trace) {
			this.entered.incrementAndGet();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public String name() {
			return "blocking";
		}

	}

}
