/**
 * Export to Zipkin as v2 JSON.
 */
@NullMarked
package io.agenttracing.export.zipkin;

import org.jspecify.annotations.NullMarked;
