package io.agenttracing.internal.actuate;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The answer to a query the endpoint cannot run.
 *
 * @param status always 400
 * @param error what was wrong, with the allowed values
 */
public record InvalidQueryDescriptor(int status, String error) implements OperationResponseBody {

}
