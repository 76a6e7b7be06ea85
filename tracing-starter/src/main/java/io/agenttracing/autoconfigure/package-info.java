/**
 * Auto-configuration of agent tracing, its properties, and the extension points of its
 * exporter wiring (customizers, {@code @ConditionalOnEnabledTraceExporter}).
 */
@NullMarked
package io.agenttracing.autoconfigure;

import org.jspecify.annotations.NullMarked;
