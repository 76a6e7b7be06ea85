package io.agenttracing.autoconfigure;

import io.agenttracing.export.otlp.OtlpTraceExporter;

/**
 * Adjusts the OTLP exporter that the properties configure (TLS, headers computed at
 * startup, retries, attribute conventions) without replacing it. Every bean is applied,
 * in order.
 */
@FunctionalInterface
public interface OtlpTraceExporterCustomizer {

	void customize(OtlpTraceExporter.Builder builder);

}
