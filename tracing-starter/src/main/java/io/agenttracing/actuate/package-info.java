/**
 * The {@code traces} actuator endpoint.
 */
@NullMarked
package io.agenttracing.actuate;

import org.jspecify.annotations.NullMarked;
