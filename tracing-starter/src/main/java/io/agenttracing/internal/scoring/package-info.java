/**
 * Scores after a trace finished: adding them by id, running evaluators, the built-in
 * evaluators. Internal: may change without notice.
 */
@NullMarked
package io.agenttracing.internal.scoring;

import org.jspecify.annotations.NullMarked;
