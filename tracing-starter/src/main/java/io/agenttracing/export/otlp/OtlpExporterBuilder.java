package io.agenttracing.export.otlp;

import io.agenttracing.internal.export.otlp.OtlpDefaults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

import io.agenttracing.export.semconv.AttributeConventions;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link OtlpTraceExporter}, validating each setting as it is given.
 */
public final class OtlpExporterBuilder {

	/**
	 * Retries 429, 502, 503 and 504 answers and refused or timed-out connections, with
	 * exponential backoff, five attempts in all.
	 */
	private static final RetryPolicy DEFAULT_RETRY = RetryPolicy.builder()
		.setMaxAttempts(OtlpDefaults.MAX_ATTEMPTS)
		.setInitialBackoff(OtlpDefaults.INITIAL_BACKOFF)
		.setMaxBackoff(OtlpDefaults.MAX_BACKOFF)
		.setBackoffMultiplier(1.5)
		.setRetryExceptionPredicate(OtlpExporterBuilder::isRetryable)
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

	OtlpExporterBuilder() {
	}

	public OtlpExporterBuilder endpoint(String endpoint) {
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
		return this;
	}

	public OtlpExporterBuilder protocol(String protocol) {
		this.protocol = OtlpDefaults.requireValidProtocol(protocol);
		return this;
	}

	public OtlpExporterBuilder headers(Map<String, String> headers) {
		this.headers.putAll(headers);
		return this;
	}

	/**
	 * Adds a header to every request (an API key, a tenant), replacing one of the same
	 * name.
	 */
	public OtlpExporterBuilder header(String name, String value) {
		this.headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
		return this;
	}

	/**
	 * The TLS context and trust manager of the connection, for a collector with a private
	 * CA or mutual TLS.
	 */
	public OtlpExporterBuilder tls(SSLContext sslContext, X509TrustManager trustManager) {
		this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
		this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
		return this;
	}

	/**
	 * How spans are described to the backend; {@link AttributeConventions#DEFAULT} unless
	 * set.
	 */
	public OtlpExporterBuilder conventions(AttributeConventions conventions) {
		this.conventions = Objects.requireNonNull(conventions, "conventions");
		return this;
	}

	public OtlpExporterBuilder timeout(Duration timeout) {
		this.timeout = OtlpDefaults.requireValidTimeout(timeout);
		return this;
	}

	public OtlpExporterBuilder compression(String compression) {
		this.compression = OtlpDefaults.requireValidCompression(compression);
		return this;
	}

	/**
	 * How to retry failed exports; {@code null} for no retry. Kept off the API: it is an
	 * OpenTelemetry type.
	 */
	OtlpExporterBuilder retryPolicy(@Nullable RetryPolicy retryPolicy) {
		this.retryPolicy = retryPolicy;
		return this;
	}

	/**
	 * Retries with exponential backoff (factor 1.5), {@code maxAttempts} attempts in all;
	 * one attempt means no retry.
	 */
	public OtlpExporterBuilder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		OtlpDefaults.requireValidRetry(maxAttempts, initialBackoff, maxBackoff);
		this.retryPolicy = (maxAttempts == 1) ? null
				: DEFAULT_RETRY.toBuilder()
					.setMaxAttempts(maxAttempts)
					.setInitialBackoff(initialBackoff)
					.setMaxBackoff(maxBackoff)
					.build();
		return this;
	}

	public OtlpExporterBuilder serviceName(String serviceName) {
		this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
		return this;
	}

	public OtlpExporterBuilder serviceVersion(@Nullable String serviceVersion) {
		this.serviceVersion = serviceVersion;
		return this;
	}

	public OtlpTraceExporter build() {
		OpenTelemetryExporterLogging.silence();
		SpanExporter delegate = OtlpDefaults.GRPC.equals(this.protocol) ? grpc() : http();
		// One export may take every attempt's timeout plus the backoff between attempts.
		Duration waitLimit = (this.retryPolicy != null)
				? this.timeout.plus(this.retryPolicy.getMaxBackoff()).multipliedBy(this.retryPolicy.getMaxAttempts())
				: this.timeout.plusSeconds(1);
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
