package io.agenttracing.export.zipkin;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import io.agenttracing.SpanData;
import io.agenttracing.SpanEvent;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import io.agenttracing.internal.export.ExportResults;
import io.agenttracing.export.TraceExporter;
import io.agenttracing.export.semconv.AttributeConventions;
import io.agenttracing.internal.semconv.Evaluations;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports traces to Zipkin as v2 JSON over the JDK's HTTP client. Our kind and the
 * backend conventions become tags, failed spans get an {@code error} tag, events become
 * annotations. Retryable failures (connection refused, 429, 502, 503, 504) are retried
 * with backoff; a trace that still fails is reported to the pipeline, which counts it.
 */
public final class ZipkinTraceExporter implements TraceExporter {

	private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

	/** Default attempts per request, the first included. */
	public static final int DEFAULT_ATTEMPTS = 3;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client;

	private final URI endpoint;

	private final Duration timeout;

	private final String serviceName;

	private final Duration initialBackoff;

	private final int attempts;

	private final Map<String, String> headers;

	private final AttributeConventions conventions;

	public ZipkinTraceExporter(URI endpoint, Duration timeout, String serviceName) {
		this(builder().endpoint(endpoint).timeout(timeout).serviceName(serviceName));
	}

	private ZipkinTraceExporter(Builder builder) {
		this.endpoint = builder.endpoint;
		this.timeout = builder.timeout;
		this.serviceName = builder.serviceName;
		this.initialBackoff = builder.initialBackoff;
		this.attempts = builder.attempts;
		this.headers = Map.copyOf(builder.headers);
		this.conventions = builder.conventions;
		HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(builder.timeout);
		if (builder.sslContext != null) {
			client.sslContext(builder.sslContext);
		}
		this.client = client.build();
	}

	public static Builder builder() {
		return new Builder();
	}

	@Override
	public void export(TraceData trace) {
		ExportResults.await(export(List.of(trace)));
	}

	/**
	 * Posts the spans of all the traces in one request, asynchronously; retryable
	 * failures are retried with backoff, without holding a thread while waiting.
	 */
	@Override
	public CompletionStage<Void> export(List<TraceData> traces) {
		List<Map<String, Object>> spans = new ArrayList<>();
		traces.forEach((trace) -> spans.addAll(spans(trace)));
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(spans)));
		this.headers.forEach(request::header);
		String what = (traces.size() == 1) ? "trace " + traces.get(0).traceId() : traces.size() + " traces";
		return attempt(request.build(), what, 1, this.initialBackoff);
	}

	private CompletableFuture<Void> attempt(HttpRequest request, String what, int attempt, Duration backoff) {
		return this.client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
			Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause()
					: error;
			if (cause == null && response.statusCode() / 100 == 2) {
				return CompletableFuture.<Void>completedFuture(null);
			}
			String failure = (cause != null) ? cause.toString() : "Zipkin answered " + response.statusCode();
			boolean retryable = (cause != null)
					? (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException)
					: RETRYABLE.contains(response.statusCode());
			if (!retryable) {
				return CompletableFuture.<Void>failedFuture(
						new ZipkinExportException("Zipkin export of " + what + " failed: " + failure, cause));
			}
			if (attempt >= this.attempts) {
				return CompletableFuture.<Void>failedFuture(new ZipkinExportException(
						"Zipkin export of " + what + " failed after " + attempt + " attempts: " + failure, cause));
			}
			Executor later = CompletableFuture.delayedExecutor(backoff.toMillis(), TimeUnit.MILLISECONDS);
			return CompletableFuture.supplyAsync(() -> null, later)
				.thenCompose((ignored) -> attempt(request, what, attempt + 1, backoff.multipliedBy(2)));
		}).thenCompose((next) -> next);
	}

	/** The Zipkin v2 JSON model of a trace's spans. */
	List<Map<String, Object>> spans(TraceData exported) {
		TraceData trace = Evaluations.withEvaluations(exported);
		List<Map<String, Object>> spans = new ArrayList<>(trace.spanCount());
		for (SpanData span : trace.spans()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("traceId", span.traceId());
			json.put("id", span.spanId());
			if (span.parentId() != null) {
				json.put("parentId", span.parentId());
			}
			json.put("name", span.name());
			if (this.conventions.isClient(span)) {
				json.put("kind", "CLIENT");
			}
			json.put("timestamp", span.startEpochNanos() / 1_000);
			json.put("duration", Math.max(1, span.durationNanos() / 1_000));
			json.put("localEndpoint", Map.of("serviceName", this.serviceName));
			json.put("tags", tags(span, this.conventions.attributes(span, trace)));
			if (!span.events().isEmpty()) {
				json.put("annotations", span.events().stream().map(ZipkinTraceExporter::annotation).toList());
			}
			spans.add(json);
		}
		return spans;
	}

	private static Map<String, String> tags(SpanData span, Map<String, Object> attributes) {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put("agent.span.kind", span.kind().name());
		attributes.forEach((key, value) -> tags.put(key, String.valueOf(value)));
		if (!span.links().isEmpty()) {
			// Zipkin has no links: each as traceId/spanId, comma separated.
			tags.put("links", String.join(",",
					span.links().stream().map((link) -> link.traceId() + "/" + link.spanId()).toList()));
		}
		if (span.status() == SpanStatus.ERROR) {
			String message = (span.error() != null) ? span.error().message() : null;
			tags.put("error", (message != null) ? message : ((span.error() != null) ? span.error().type() : "error"));
		}
		return tags;
	}

	private static Map<String, Object> annotation(SpanEvent event) {
		return Map.of("timestamp", micros(event.timestamp()), "value", event.name());
	}

	private static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
	}

	@Override
	public String name() {
		return "zipkin";
	}

	/** An export Zipkin did not accept. */
	static final class ZipkinExportException extends RuntimeException {

		ZipkinExportException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

	/** Where a local Zipkin server takes spans. */
	public static final String DEFAULT_ENDPOINT = "http://localhost:9411/api/v2/spans";

	/** Longest time one request may take. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** Builds a {@link ZipkinTraceExporter}, validating each setting as it is given. */
	public static final class Builder {

		private URI endpoint = URI.create(DEFAULT_ENDPOINT);

		private Duration timeout = DEFAULT_TIMEOUT;

		private String serviceName = "application";

		private Duration initialBackoff = Duration.ofMillis(500);

		private int attempts = DEFAULT_ATTEMPTS;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private @Nullable SSLContext sslContext;

		private AttributeConventions conventions = AttributeConventions.DEFAULT;

		private Builder() {
		}

		public Builder endpoint(URI endpoint) {
			this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
			return this;
		}

		public Builder timeout(Duration timeout) {
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("timeout must be positive, got " + timeout);
			}
			this.timeout = timeout;
			return this;
		}

		public Builder serviceName(String serviceName) {
			this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
			return this;
		}

		/** Adds a header to every request (a proxy's credentials, a tenant). */
		public Builder header(String name, String value) {
			this.headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
			return this;
		}

		/**
		 * The TLS context of the connection, for a Zipkin behind a private CA or mutual
		 * TLS.
		 */
		public Builder tls(SSLContext sslContext) {
			this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
			return this;
		}

		/**
		 * Attempts per request, the first included, for 429, 502, 503, 504 and refused
		 * connections.
		 */
		public Builder retry(int attempts, Duration initialBackoff) {
			if (attempts < 1) {
				throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
			}
			this.attempts = attempts;
			this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
			return this;
		}

		/**
		 * How spans are described to Zipkin; {@link AttributeConventions#DEFAULT} unless
		 * set.
		 */
		public Builder conventions(AttributeConventions conventions) {
			this.conventions = Objects.requireNonNull(conventions, "conventions");
			return this;
		}

		public ZipkinTraceExporter build() {
			return new ZipkinTraceExporter(this);
		}

	}

}
