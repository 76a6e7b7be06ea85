/**
 * An exporter that prints traces to the console, as a tree or as JSON lines.
 */
@NullMarked
package io.agenttracing.internal.export.console;

import org.jspecify.annotations.NullMarked;
