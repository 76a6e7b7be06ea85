/**
 * The in-memory trace store: a bounded ring of recent traces that merges late fragments,
 * the default {@code TraceRepository} behind the endpoint and the viewer.
 */
@NullMarked
package io.agenttracing.internal.export.memory;

import org.jspecify.annotations.NullMarked;
