/**
 * Carrying the current trace to other threads: {@code ContextExecutors} for executors the
 * application makes itself.
 */
@NullMarked
package io.agenttracing.context;

import org.jspecify.annotations.NullMarked;
