/**
 * The exporter SPI: {@code TraceExporter}, which receives finished traces off the traced
 * thread.
 */
@NullMarked
package io.agenttracing.export;

import org.jspecify.annotations.NullMarked;
