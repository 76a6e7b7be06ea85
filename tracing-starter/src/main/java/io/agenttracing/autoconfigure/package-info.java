/**
 * Auto-configuration of agent tracing.
 */
@NullMarked
package io.agenttracing.autoconfigure;

import org.jspecify.annotations.NullMarked;
