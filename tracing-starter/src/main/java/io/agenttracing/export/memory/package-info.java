/**
 * The store behind the actuator endpoint and the viewer: {@code TraceRepository}, which
 * an application may replace, and the {@code TraceQuery} it answers.
 */
@NullMarked
package io.agenttracing.export.memory;

import org.jspecify.annotations.NullMarked;
