/**
 * The engine: the tracer, trace and span that record, their limits and settings, ids,
 * clock and open-trace expiry. A trace is made with all it needs and never calls its
 * tracer; a finished trace leaves as an immutable
 * {@link io.agenttracing.internal.trace.PendingExport} for the export pipeline. Depends
 * on the API and on nothing above it.
 * <p>
 * Internal: not part of the API; may change without notice.
 */
@NullMarked
package io.agenttracing.internal.trace;

import org.jspecify.annotations.NullMarked;
