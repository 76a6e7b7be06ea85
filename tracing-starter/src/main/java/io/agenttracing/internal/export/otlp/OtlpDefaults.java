package io.agenttracing.internal.export.otlp;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The defaults and rules of the OTLP exporter's settings, in one place for the
 * {@link OtlpTraceExporter.Builder} and the configuration properties. Free of
 * OpenTelemetry types on purpose: configuration reads it whether or not the OTLP library
 * is on the classpath.
 */
public final class OtlpDefaults {

	public static final String HTTP_PROTOBUF = "http/protobuf";

	public static final String GRPC = "grpc";

	public static final List<String> PROTOCOLS = List.of(HTTP_PROTOBUF, GRPC);

	public static final List<String> COMPRESSIONS = List.of("none", "gzip");

	public static final String ENDPOINT = "http://localhost:4318/v1/traces";

	public static final String PROTOCOL = HTTP_PROTOBUF;

	public static final String COMPRESSION = "none";

	public static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** Attempts per export, the first included. */
	public static final int MAX_ATTEMPTS = 5;

	/** The most attempts allowed, as OpenTelemetry's retry policy allows. */
	public static final int MAX_ATTEMPTS_LIMIT = 5;

	public static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

	public static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private OtlpDefaults() {
	}

	public static String requireValidProtocol(String protocol) {
		if (!PROTOCOLS.contains(protocol)) {
			throw new IllegalArgumentException("protocol must be one of " + PROTOCOLS + ", got " + protocol);
		}
		return protocol;
	}

	public static String requireValidCompression(String compression) {
		if (!COMPRESSIONS.contains(compression)) {
			throw new IllegalArgumentException("compression must be one of " + COMPRESSIONS + ", got " + compression);
		}
		return compression;
	}

	public static Duration requireValidTimeout(Duration timeout) {
		return requirePositive("timeout", timeout);
	}

	public static int requireValidMaxAttempts(int maxAttempts) {
		if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
			throw new IllegalArgumentException(
					"maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ", got " + maxAttempts);
		}
		return maxAttempts;
	}

	/** Checks a wait between attempts, named for the message. */
	public static Duration requireValidBackoff(String name, Duration backoff) {
		return requirePositive(name, backoff);
	}

	public static void requireValidRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		requireValidMaxAttempts(maxAttempts);
		requireValidBackoff("initialBackoff", initialBackoff);
		requireValidBackoff("maxBackoff", maxBackoff);
	}

	private static Duration requirePositive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, got " + value);
		}
		return value;
	}

}
