/**
 * The test kit: {@link io.agenttracing.test.CapturedTraces} holds the traces an
 * application finished during a test, and {@link io.agenttracing.test.TraceAssertions}
 * asserts on them in the terms of an agent: spans of a kind, tools that failed, tokens
 * spent.
 */
@NullMarked
package io.agenttracing.test;

import org.jspecify.annotations.NullMarked;
