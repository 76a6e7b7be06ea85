/**
 * The trace context across boundaries: one trace per request, W3C Trace Context between
 * services, and the current scope carried to other threads and into Reactor.
 */
@NullMarked
package io.agenttracing.context;

import org.jspecify.annotations.NullMarked;
