/**
 * How spans are described to backends: OpenInference, OpenTelemetry GenAI and Langfuse
 * attributes, written from a span's data.
 */
@NullMarked
package io.agenttracing.internal.semconv;

import org.jspecify.annotations.NullMarked;
