package io.agenttracing.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of a {@link Traced} method that holds the id of the user the call
 * serves. The user is set on the trace: exported as {@code user.id}, shown and filterable
 * in the trace viewer, and passed to called services in W3C baggage.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UserId {

}
