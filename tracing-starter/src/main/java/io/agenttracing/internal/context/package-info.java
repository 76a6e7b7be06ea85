/**
 * Propagation of traces across HTTP: W3C Trace Context and baggage, the servlet filter,
 * client interceptors, and the bridges to Micrometer.
 * <p>
 * Internal: implementation of the starter, not part of its API. Types here may change or
 * go away in any release without notice; use the types of the packages outside
 * {@code io.agenttracing.internal} instead.
 */
@NullMarked
package io.agenttracing.internal.context;

import org.jspecify.annotations.NullMarked;
