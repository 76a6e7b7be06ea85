package io.agenttracing.agentapps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP/HTTP endpoint on loopback that keeps what it receives, decoded with the
 * official protobuf classes, as a collector would.
 */
public final class OtlpReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<ExportTraceServiceRequest> requests = new CopyOnWriteArrayList<>();

	public OtlpReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/v1/traces", this::receive);
		this.server.start();
	}

	public String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/** Every span received so far, of every request. */
	public List<Span> spans() {
		List<Span> spans = new ArrayList<>();
		this.requests.forEach((request) -> request.getResourceSpansList()
			.forEach(
					(resource) -> resource.getScopeSpansList().forEach((scope) -> spans.addAll(scope.getSpansList()))));
		return spans;
	}

	/** The spans of one trace. */
	public List<Span> spans(String traceId) {
		return spans().stream()
			.filter((span) -> java.util.HexFormat.of().formatHex(span.getTraceId().toByteArray()).equals(traceId))
			.toList();
	}

	/** An attribute's value as text, number or boolean; {@code null} if absent. */
	public static Object attribute(Span span, String key) {
		for (KeyValue attribute : span.getAttributesList()) {
			if (attribute.getKey().equals(key)) {
				AnyValue value = attribute.getValue();
				return switch (value.getValueCase()) {
					case STRING_VALUE -> value.getStringValue();
					case INT_VALUE -> value.getIntValue();
					case DOUBLE_VALUE -> value.getDoubleValue();
					case BOOL_VALUE -> value.getBoolValue();
					case ARRAY_VALUE ->
						value.getArrayValue().getValuesList().stream().map(AnyValue::getStringValue).toList();
					default -> value.toString();
				};
			}
		}
		return null;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			this.requests.add(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
			byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
	}

}
