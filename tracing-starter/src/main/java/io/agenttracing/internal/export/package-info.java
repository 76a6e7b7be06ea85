/**
 * The export pipeline: one bounded queue and thread per exporter, batching and concurrent
 * requests.
 * <p>
 * Internal: implementation of the starter, not part of its API. Types here may change or
 * go away in any release without notice; use the types of the packages outside
 * {@code io.agenttracing.internal} instead.
 */
@NullMarked
package io.agenttracing.internal.export;

import org.jspecify.annotations.NullMarked;
