/**
 * The thread-bound holder of the current scope and the one JSON shape of traces, used by
 * the model and the instrumentation.
 * <p>
 * Internal: implementation of the starter, not part of its API. Types here may change or
 * go away in any release without notice; use the types of the packages outside
 * {@code io.agenttracing.internal} instead.
 */
@NullMarked
package io.agenttracing.internal;

import org.jspecify.annotations.NullMarked;
