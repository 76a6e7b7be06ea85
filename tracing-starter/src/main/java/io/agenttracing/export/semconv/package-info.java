/**
 * How spans are described to backends: {@code AttributeConventions}, which exporters
 * leaving the process ask, replaceable by a bean of the application.
 */
@NullMarked
package io.agenttracing.export.semconv;

import org.jspecify.annotations.NullMarked;
