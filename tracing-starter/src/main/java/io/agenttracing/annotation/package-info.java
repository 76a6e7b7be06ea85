/**
 * The {@link io.agenttracing.annotation.Traced} annotation and the interceptor that turns
 * annotated calls into spans.
 */
@NullMarked
package io.agenttracing.annotation;

import org.jspecify.annotations.NullMarked;
