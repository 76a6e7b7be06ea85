/**
 * The implementation of the starter, below the API: the engine ({@code trace}), the
 * interception of {@code @Traced} methods, capture and redaction, propagation across
 * threads and services, the export pipeline, the built-in exporters, the endpoint and the
 * viewer.
 * <p>
 * Internal: not part of the API. Types here may change or go away in any release without
 * notice; use the types of the packages outside {@code io.agenttracing.internal} instead.
 */
@NullMarked
package io.agenttracing.internal;

import org.jspecify.annotations.NullMarked;
