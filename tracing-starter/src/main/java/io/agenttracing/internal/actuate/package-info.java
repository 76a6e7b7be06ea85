/**
 * The {@code traces} actuator endpoint and the trace viewer page, both reading the
 * {@code TraceRepository}.
 */
@NullMarked
package io.agenttracing.internal.actuate;

import org.jspecify.annotations.NullMarked;
