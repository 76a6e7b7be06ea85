package io.agenttracing.export.otlp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A loopback OTLP/HTTP receiver that decodes each request with the official protobuf
 * classes. It can answer with an error status, hang, or be stopped and started again on
 * the same port, to play a collector that fails.
 */
public final class FakeOtlpCollector implements AutoCloseable {

	/** How the collector answers. */
	public enum Mode {

		OK, UNAVAILABLE_503, ERROR_500, HANG

	}

	private final List<ExportTraceServiceRequest> requests = new CopyOnWriteArrayList<>();

	private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();

	private final AtomicInteger attempts = new AtomicInteger();

	private volatile Mode mode = Mode.OK;

	private volatile long latencyMillis;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private volatile CountDownLatch hang = new CountDownLatch(1);

	private HttpServer server;

	private final int port;

	public FakeOtlpCollector() {
		this.server = start(0);
		this.port = this.server.getAddress().getPort();
	}

	private HttpServer start(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			server.createContext("/v1/traces", this::handle);
			server.setExecutor(Executors.newCachedThreadPool());
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String endpoint() {
		return "http://127.0.0.1:" + this.port + "/v1/traces";
	}

	public void mode(Mode mode) {
		if (this.mode == Mode.HANG && mode != Mode.HANG) {
			this.hang.countDown();
		}
		if (mode == Mode.HANG) {
			this.hang = new CountDownLatch(1);
		}
		this.mode = mode;
	}

	/** Stops listening: exports see connection refused. */
	public void down() {
		this.server.stop(0);
	}

	/** Listens again on the same port. */
	public void up() {
		this.server = start(this.port);
	}

	/** Answers every request only after this delay, like a collector far away. */
	public void latency(java.time.Duration latency) {
		this.latencyMillis = latency.toMillis();
	}

	/** The most requests that were being answered at once. */
	public int maxInFlight() {
		return this.maxInFlight.get();
	}

	public List<ExportTraceServiceRequest> requests() {
		return this.requests;
	}

	public List<Map<String, List<String>>> headers() {
		return this.headers;
	}

	public int attempts() {
		return this.attempts.get();
	}

	/** Every span received so far. */
	public List<Span> spans() {
		return this.requests.stream()
			.flatMap((request) -> request.getResourceSpansList().stream())
			.flatMap((resource) -> resource.getScopeSpansList().stream())
			.flatMap((scope) -> scope.getSpansList().stream())
			.toList();
	}

	public ResourceSpans firstResource() {
		return this.requests.get(0).getResourceSpans(0);
	}

	public ScopeSpans firstScope() {
		return firstResource().getScopeSpans(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		try {
			answer(exchange);
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.attempts.incrementAndGet();
		if (this.latencyMillis > 0) {
			try {
				Thread.sleep(this.latencyMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] body = exchange.getRequestBody().readAllBytes();
		Mode current = this.mode;
		if (current == Mode.HANG) {
			try {
				this.hang.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (current == Mode.UNAVAILABLE_503 || current == Mode.ERROR_500) {
			exchange.sendResponseHeaders((current == Mode.UNAVAILABLE_503) ? 503 : 500, -1);
			exchange.close();
			return;
		}
		InputStream in = new ByteArrayInputStream(body);
		if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
			in = new GZIPInputStream(in);
		}
		this.requests.add(ExportTraceServiceRequest.parseFrom(in));
		this.headers.add(Map.copyOf(exchange.getRequestHeaders()));
		byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
		exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
		exchange.sendResponseHeaders(200, (response.length == 0) ? -1 : response.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(response);
		}
	}

	@Override
	public void close() {
		this.hang.countDown();
		this.server.stop(0);
	}

	/** An attribute of a decoded span or resource, as a plain Java value. */
	public static Object attribute(List<KeyValue> attributes, String key) {
		for (KeyValue attribute : attributes) {
			if (attribute.getKey().equals(key)) {
				return value(attribute.getValue());
			}
		}
		return null;
	}

	private static Object value(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case INT_VALUE -> value.getIntValue();
			case DOUBLE_VALUE -> value.getDoubleValue();
			case BOOL_VALUE -> value.getBoolValue();
			case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(FakeOtlpCollector::value).toList();
			default -> value.toString();
		};
	}

}
