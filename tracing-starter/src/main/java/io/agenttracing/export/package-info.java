/**
 * The exporter SPI and the asynchronous, bounded pipeline that feeds exporters.
 */
@NullMarked
package io.agenttracing.export;

import org.jspecify.annotations.NullMarked;
