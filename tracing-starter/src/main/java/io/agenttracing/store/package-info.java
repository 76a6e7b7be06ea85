/**
 * The JDBC trace store: what an application configures of it.
 */
@NullMarked
package io.agenttracing.store;

import org.jspecify.annotations.NullMarked;
