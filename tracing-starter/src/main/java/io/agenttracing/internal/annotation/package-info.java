/**
 * The interception of {@code @Traced} methods: the advisor, the resolved plan of each
 * method, and its invocation.
 * <p>
 * Internal: implementation of the starter, not part of its API. Types here may change or
 * go away in any release without notice; use the types of the packages outside
 * {@code io.agenttracing.internal} instead.
 */
@NullMarked
package io.agenttracing.internal.annotation;

import org.jspecify.annotations.NullMarked;
