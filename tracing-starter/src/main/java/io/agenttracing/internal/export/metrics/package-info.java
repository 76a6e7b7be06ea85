/**
 * Micrometer metrics of spans and of the export pipeline.
 * <p>
 * Internal: implementation of the starter, not part of its API. Types here may change or
 * go away in any release without notice; use the types of the packages outside
 * {@code io.agenttracing.internal} instead.
 */
@NullMarked
package io.agenttracing.internal.export.metrics;

import org.jspecify.annotations.NullMarked;
