/**
 * Small helpers shared by the instrumentation and the export pipeline.
 */
@NullMarked
package io.agenttracing.support;

import org.jspecify.annotations.NullMarked;
