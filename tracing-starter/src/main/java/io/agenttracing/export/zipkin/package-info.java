/**
 * Export to Zipkin as v2 JSON: the exporter and its builder, which customizers receive.
 */
@NullMarked
package io.agenttracing.export.zipkin;

import org.jspecify.annotations.NullMarked;
