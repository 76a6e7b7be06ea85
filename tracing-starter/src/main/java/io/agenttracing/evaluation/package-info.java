/**
 * Evaluators that judge finished traces and give them scores.
 */
@NullMarked
package io.agenttracing.evaluation;

import org.jspecify.annotations.NullMarked;
