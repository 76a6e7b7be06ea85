/**
 * Export over OTLP with the official OpenTelemetry exporter: its builder, which
 * customizers receive.
 */
@NullMarked
package io.agenttracing.export.otlp;

import org.jspecify.annotations.NullMarked;
