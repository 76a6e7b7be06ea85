package io.agenttracing.internal.trace;

/**
 * What a trace is created with, so that it never asks its tracer: the settings its spans
 * record with, the most spans it keeps, where it goes when finished, and the registry
 * that expires it if its root never ends.
 *
 * @param settings the capturer and the limits of every span
 * @param maxSpans most spans kept in one trace
 * @param sink receives the finished trace and late fragments
 * @param openTraces tracks the trace until it finishes
 * @param tailSampling which traces are kept whatever the sampling probability says
 */
record TraceEnvironment(SpanSettings settings, int maxSpans, TraceSink sink, OpenTraces openTraces,
		TailSampling tailSampling) {
}
