/**
 * Export over OTLP with the official OpenTelemetry exporter.
 */
@NullMarked
package io.agenttracing.export.otlp;

import org.jspecify.annotations.NullMarked;
