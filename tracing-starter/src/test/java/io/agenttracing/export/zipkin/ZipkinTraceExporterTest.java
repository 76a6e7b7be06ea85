package io.agenttracing.export.zipkin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.agenttracing.internal.trace.PendingExport;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.internal.trace.RecordingTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZipkinTraceExporterTest {

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private final AtomicInteger attempts = new AtomicInteger();

	private volatile int status = 202;

	private final HttpServer server = start();

	private final List<PendingExport> finished = new ArrayList<>();

	private final RecordingTracer tracer = RecordingTracer.builder().sink(this.finished::add).build();

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/api/v2/spans", (exchange) -> {
				this.attempts.incrementAndGet();
				this.bodies.add(new String(exchange.getRequestBody().readAllBytes()));
				exchange.sendResponseHeaders(this.status, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ZipkinTraceExporter exporter() {
		return ZipkinTraceExporter.builder()
			.endpoint(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/v2/spans"))
			.timeout(Duration.ofSeconds(2))
			.serviceName("agent-app")
			.retry(ZipkinTraceExporter.DEFAULT_ATTEMPTS, Duration.ofMillis(10))
			.build();
	}

	private TraceData trace() {
		try (Span root = this.tracer.startSpan("agent", SpanKind.AGENT)) {
			try (Span llm = this.tracer.startSpan("llm", SpanKind.LLM)) {
				llm.setModel("sim").addEvent("first-token");
			}
			try (Span tool = this.tracer.startSpan("tool", SpanKind.TOOL)) {
				tool.setError(new IllegalStateException("broken tool"));
			}
		}
		return this.finished.get(0).snapshot();
	}

	@Test
	void sendsZipkinV2Json() {
		TraceData trace = trace();
		exporter().export(trace);
		JsonNode spans = JsonMapper.builder().build().readTree(this.bodies.get(0));
		assertThat(spans).hasSize(3);
		JsonNode llm = spans.get(1);
		assertThat(llm.get("traceId").asString()).isEqualTo(trace.traceId());
		assertThat(llm.get("parentId").asString()).isEqualTo(spans.get(0).get("id").asString());
		assertThat(llm.get("kind").asString()).isEqualTo("CLIENT");
		assertThat(llm.get("localEndpoint").get("serviceName").asString()).isEqualTo("agent-app");
		assertThat(llm.get("tags").get("agent.span.kind").asString()).isEqualTo("LLM");
		assertThat(llm.get("tags").get("gen_ai.request.model").asString()).isEqualTo("sim");
		assertThat(llm.get("annotations").get(0).get("value").asString()).isEqualTo("first-token");
		assertThat(llm.get("duration").asLong()).isPositive();
		assertThat(spans.get(0).has("parentId")).isFalse();
		assertThat(spans.get(0).has("kind")).isFalse();
		assertThat(spans.get(2).get("tags").get("error").asString()).isEqualTo("broken tool");
	}

	@Test
	void retriesUnavailableThenReportsFailure() {
		this.status = 503;
		assertThatThrownBy(() -> exporter().export(trace())).hasMessageContaining("after 3 attempts");
		assertThat(this.attempts).hasValue(3);
	}

	@Test
	void badRequestIsNotRetried() {
		this.status = 400;
		assertThatThrownBy(() -> exporter().export(trace())).hasMessageContaining("Zipkin answered 400");
		assertThat(this.attempts).hasValue(1);
	}

}
