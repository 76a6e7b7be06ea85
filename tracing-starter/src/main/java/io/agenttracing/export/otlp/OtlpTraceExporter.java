package io.agenttracing.export.otlp;

import io.agenttracing.internal.export.otlp.OtlpDefaults;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.agenttracing.TraceData;
import io.agenttracing.internal.export.ExportResults;
import io.agenttracing.export.TraceExporter;
import io.agenttracing.export.semconv.AttributeConventions;
import io.agenttracing.internal.semconv.Evaluations;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jspecify.annotations.Nullable;

/**
 * Exports traces over OTLP with the official OpenTelemetry exporter, fed by an adapter
 * from our snapshots. Each export waits for the collector's answer (retries included), so
 * a failure is counted by the pipeline and a slow collector slows only this exporter's
 * own thread.
 */
public final class OtlpTraceExporter implements TraceExporter {

	/** Instrumentation scope reported with every span. */
	public static final String SCOPE_NAME = "io.agenttracing";

	private final SpanExporter delegate;

	private final Resource resource;

	private final InstrumentationScopeInfo scope;

	private final Duration waitLimit;

	private final AttributeConventions conventions;

	OtlpTraceExporter(SpanExporter delegate, Resource resource, Duration waitLimit, AttributeConventions conventions) {
		this.conventions = conventions;
		this.delegate = delegate;
		this.resource = resource;
		this.scope = InstrumentationScopeInfo.builder(SCOPE_NAME).setVersion(LibraryVersion.get()).build();
		this.waitLimit = waitLimit;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The resource every span carries: service and SDK identity. */
	static Resource resource(String serviceName, @Nullable String serviceVersion) {
		var attributes = Attributes.builder()
			.put("service.name", serviceName)
			.put("telemetry.sdk.name", "agent-tracing")
			.put("telemetry.sdk.language", "java")
			.put("telemetry.sdk.version", LibraryVersion.get());
		if (serviceVersion != null && !serviceVersion.isBlank()) {
			attributes.put("service.version", serviceVersion);
		}
		return Resource.create(attributes.build());
	}

	@Override
	public void export(TraceData trace) {
		ExportResults.await(export(List.of(trace)));
	}

	/**
	 * Sends the spans of all the traces in one request. The request runs on the
	 * OpenTelemetry exporter's own threads (retries included); the stage completes with
	 * its outcome.
	 */
	@Override
	public CompletionStage<Void> export(List<TraceData> traces) {
		List<SpanData> spans = new ArrayList<>();
		for (TraceData exported : traces) {
			TraceData trace = Evaluations.withEvaluations(exported);
			for (io.agenttracing.SpanData span : trace.spans()) {
				spans.add(new OtlpSpan(span, trace, this.conventions, this.resource, this.scope));
			}
		}
		CompletableFuture<Void> done = new CompletableFuture<>();
		CompletableResultCode result = this.delegate.export(spans);
		result.whenComplete(() -> {
			if (result.isSuccess()) {
				done.complete(null);
			}
			else {
				Throwable cause = result.getFailureThrowable();
				String what = (traces.size() == 1) ? "trace " + traces.get(0).traceId() : traces.size() + " traces";
				done.completeExceptionally(new OtlpExportException(
						"OTLP export of " + what + " failed" + ((cause != null) ? ": " + cause : ""), cause));
			}
		});
		// The exporter times out each attempt itself; this only guards against an answer
		// that never comes.
		return done.orTimeout(this.waitLimit.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void flush() {
		this.delegate.flush().join(this.waitLimit.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void shutdown() {
		this.delegate.shutdown().join(this.waitLimit.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public String name() {
		return "otlp";
	}

	/** An export the collector did not accept. */
	static final class OtlpExportException extends RuntimeException {

		OtlpExportException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

	/**
	 * Builds an {@link OtlpTraceExporter}, validating each setting as it is given.
	 */
	public static final class Builder {

		/**
		 * Retries 429, 502, 503 and 504 answers and refused or timed-out connections,
		 * with exponential backoff, five attempts in all.
		 */
		private static final RetryPolicy DEFAULT_RETRY = RetryPolicy.builder()
			.setMaxAttempts(OtlpDefaults.MAX_ATTEMPTS)
			.setInitialBackoff(OtlpDefaults.INITIAL_BACKOFF)
			.setMaxBackoff(OtlpDefaults.MAX_BACKOFF)
			.setBackoffMultiplier(1.5)
			.setRetryExceptionPredicate(Builder::isRetryable)
			.build();

		private String endpoint = OtlpDefaults.ENDPOINT;

		private String protocol = OtlpDefaults.PROTOCOL;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private Duration timeout = OtlpDefaults.TIMEOUT;

		private String compression = OtlpDefaults.COMPRESSION;

		private @Nullable RetryPolicy retryPolicy = DEFAULT_RETRY;

		private String serviceName = "application";

		private @Nullable String serviceVersion;

		private AttributeConventions conventions = AttributeConventions.DEFAULT;

		private @Nullable SSLContext sslContext;

		private @Nullable X509TrustManager trustManager;

		Builder() {
		}

		public Builder endpoint(String endpoint) {
			this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
			return this;
		}

		public Builder protocol(String protocol) {
			this.protocol = OtlpDefaults.requireValidProtocol(protocol);
			return this;
		}

		public Builder headers(Map<String, String> headers) {
			this.headers.putAll(headers);
			return this;
		}

		/**
		 * Adds a header to every request (an API key, a tenant), replacing one of the
		 * same name.
		 */
		public Builder header(String name, String value) {
			this.headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
			return this;
		}

		/**
		 * The TLS context and trust manager of the connection, for a collector with a
		 * private CA or mutual TLS.
		 */
		public Builder tls(SSLContext sslContext, X509TrustManager trustManager) {
			this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
			this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
			return this;
		}

		/**
		 * How spans are described to the backend; {@link AttributeConventions#DEFAULT}
		 * unless set.
		 */
		public Builder conventions(AttributeConventions conventions) {
			this.conventions = Objects.requireNonNull(conventions, "conventions");
			return this;
		}

		public Builder timeout(Duration timeout) {
			this.timeout = OtlpDefaults.requireValidTimeout(timeout);
			return this;
		}

		public Builder compression(String compression) {
			this.compression = OtlpDefaults.requireValidCompression(compression);
			return this;
		}

		/**
		 * How to retry failed exports; {@code null} for no retry. Kept off the API: it is
		 * an OpenTelemetry type.
		 */
		Builder retryPolicy(@Nullable RetryPolicy retryPolicy) {
			this.retryPolicy = retryPolicy;
			return this;
		}

		/**
		 * Retries with exponential backoff (factor 1.5), {@code maxAttempts} attempts in
		 * all; one attempt means no retry.
		 */
		public Builder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
			OtlpDefaults.requireValidRetry(maxAttempts, initialBackoff, maxBackoff);
			this.retryPolicy = (maxAttempts == 1) ? null
					: DEFAULT_RETRY.toBuilder()
						.setMaxAttempts(maxAttempts)
						.setInitialBackoff(initialBackoff)
						.setMaxBackoff(maxBackoff)
						.build();
			return this;
		}

		public Builder serviceName(String serviceName) {
			this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
			return this;
		}

		public Builder serviceVersion(@Nullable String serviceVersion) {
			this.serviceVersion = serviceVersion;
			return this;
		}

		public OtlpTraceExporter build() {
			OpenTelemetryExporterLogging.silence();
			SpanExporter delegate = OtlpDefaults.GRPC.equals(this.protocol) ? grpc() : http();
			// One export may take every attempt's timeout plus the backoff between
			// attempts.
			Duration waitLimit = (this.retryPolicy != null) ? this.timeout.plus(this.retryPolicy.getMaxBackoff())
				.multipliedBy(this.retryPolicy.getMaxAttempts()) : this.timeout.plusSeconds(1);
			return new OtlpTraceExporter(delegate, OtlpTraceExporter.resource(this.serviceName, this.serviceVersion),
					waitLimit, this.conventions);
		}

		private SpanExporter http() {
			OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
				.setEndpoint(this.endpoint)
				.setTimeout(this.timeout)
				.setCompression(this.compression)
				.setRetryPolicy(this.retryPolicy);
			this.headers.forEach(builder::addHeader);
			if (this.sslContext != null && this.trustManager != null) {
				builder.setSslContext(this.sslContext, this.trustManager);
			}
			return builder.build();
		}

		private SpanExporter grpc() {
			OtlpGrpcSpanExporterBuilder builder = OtlpGrpcSpanExporter.builder()
				.setEndpoint(this.endpoint)
				.setTimeout(this.timeout)
				.setCompression(this.compression)
				.setRetryPolicy(this.retryPolicy);
			this.headers.forEach(builder::addHeader);
			if (this.sslContext != null && this.trustManager != null) {
				builder.setSslContext(this.sslContext, this.trustManager);
			}
			try {
				return builder.build();
			}
			catch (IllegalStateException ex) {
				throw new IllegalStateException("OTLP over grpc needs a gRPC sender: add "
						+ "io.opentelemetry:opentelemetry-exporter-sender-okhttp to the classpath, "
						+ "or use agent.tracing.exporters.otlp.protocol=http/protobuf", ex);
			}
		}

		static boolean isRetryable(IOException error) {
			for (Throwable cause = error; cause != null; cause = cause.getCause()) {
				if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
					return true;
				}
			}
			return false;
		}

	}

}
