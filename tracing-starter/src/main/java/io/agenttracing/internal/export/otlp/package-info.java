/**
 * The OTLP exporter's defaults and the rules its settings obey, shared by its builder and
 * the properties.
 */
@NullMarked
package io.agenttracing.internal.export.otlp;

import org.jspecify.annotations.NullMarked;
