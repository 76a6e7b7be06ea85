/**
 * The API: what instrumented code touches. {@link io.agenttracing.Tracing} (static access
 * to the current span and trace), the {@link io.agenttracing.Tracer},
 * {@link io.agenttracing.Span} and {@link io.agenttracing.TraceContext} interfaces, and
 * the immutable values handed to exporters ({@link io.agenttracing.TraceData},
 * {@link io.agenttracing.SpanData}). Implemented by the engine; depends on no other
 * package of the starter, and on nothing of Spring.
 */
@NullMarked
package io.agenttracing;

import org.jspecify.annotations.NullMarked;
