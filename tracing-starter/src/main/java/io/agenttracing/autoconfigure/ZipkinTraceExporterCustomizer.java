package io.agenttracing.autoconfigure;

import io.agenttracing.export.zipkin.ZipkinTraceExporter;

/**
 * Adjusts the Zipkin exporter that the properties configure (TLS, headers, retries,
 * attribute conventions) without replacing it. Every bean is applied, in order.
 */
@FunctionalInterface
public interface ZipkinTraceExporterCustomizer {

	void customize(ZipkinTraceExporter.Builder builder);

}
