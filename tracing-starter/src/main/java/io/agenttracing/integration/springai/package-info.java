/**
 * Traces of Spring AI applications without annotations: Spring AI's observations become
 * spans. Internal: may change without notice.
 */
@NullMarked
package io.agenttracing.integration.springai;

import org.jspecify.annotations.NullMarked;
