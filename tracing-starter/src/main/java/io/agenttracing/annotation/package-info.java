/**
 * The annotations that mark traced code: {@code @Traced} and the parameter annotations
 * that add attributes, the session and the user.
 */
@NullMarked
package io.agenttracing.annotation;

import org.jspecify.annotations.NullMarked;
