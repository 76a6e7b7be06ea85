/**
 * Micrometer metrics of spans and of the export pipeline.
 */
@NullMarked
package io.agenttracing.export.metrics;

import org.jspecify.annotations.NullMarked;
