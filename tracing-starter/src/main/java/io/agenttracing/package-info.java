/**
 * The tracing model and programmatic API: spans, traces, events, signals and the static
 * {@link io.agenttracing.Tracing} access to the current span. Free of Spring.
 */
@NullMarked
package io.agenttracing;

import org.jspecify.annotations.NullMarked;
