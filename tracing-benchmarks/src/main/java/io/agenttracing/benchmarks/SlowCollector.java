package io.agenttracing.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP/HTTP sink on loopback that answers every request only after a fixed latency, as
 * a hosted collector far away does, and counts what it received: requests, spans and
 * trace ids. It answers any number of requests at once, so the latency, not the sink,
 * limits a client.
 */
final class SlowCollector implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final long latencyMillis;

	private final AtomicLong spans = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final Set<String> traceIds = ConcurrentHashMap.newKeySet();

	SlowCollector(Duration latency) throws IOException {
		this.latencyMillis = latency.toMillis();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
		this.server.createContext("/v1/traces", this::handle);
		this.server.setExecutor(this.threads);
		this.server.start();
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	long spans() {
		return this.spans.get();
	}

	long requests() {
		return this.requests.get();
	}

	int traces() {
		return this.traceIds.size();
	}

	int maxInFlight() {
		return this.maxInFlight.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		try (exchange; InputStream body = exchange.getRequestBody()) {
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
			Thread.sleep(this.latencyMillis);
			long count = 0;
			for (ResourceSpans resource : request.getResourceSpansList()) {
				for (ScopeSpans scope : resource.getScopeSpansList()) {
					for (Span span : scope.getSpansList()) {
						count++;
						this.traceIds.add(HexFormat.of().formatHex(span.getTraceId().toByteArray()));
					}
				}
			}
			this.spans.addAndGet(count);
			this.requests.incrementAndGet();
			byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, (response.length == 0) ? -1 : response.length);
			exchange.getResponseBody().write(response);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
