/**
 * The in-memory store of recent traces that backs the actuator endpoint.
 */
@NullMarked
package io.agenttracing.export.memory;

import org.jspecify.annotations.NullMarked;
