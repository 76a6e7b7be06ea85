/**
 * Capture of method arguments and results as bounded, redacted JSON.
 * <p>
 * Internal: implementation of the starter, not part of its API. Types here may change or
 * go away in any release without notice; use the types of the packages outside
 * {@code io.agenttracing.internal} instead.
 */
@NullMarked
package io.agenttracing.internal.capture;

import org.jspecify.annotations.NullMarked;
