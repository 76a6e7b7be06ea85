/**
 * Request-scoped trace context: the servlet filter that opens one trace per request.
 */
@NullMarked
package io.agenttracing.context;

import org.jspecify.annotations.NullMarked;
