/**
 * Capture of method arguments and results as bounded, redacted JSON.
 */
@NullMarked
package io.agenttracing.capture;

import org.jspecify.annotations.NullMarked;
