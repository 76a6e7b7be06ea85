/**
 * The attribute conventions (OpenInference, OpenTelemetry GenAI) that exporters leaving
 * the process share.
 */
@NullMarked
package io.agenttracing.export.semconv;

import org.jspecify.annotations.NullMarked;
