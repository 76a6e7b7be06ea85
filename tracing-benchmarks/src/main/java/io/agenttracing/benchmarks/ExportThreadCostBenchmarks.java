package io.agenttracing.benchmarks;

import java.util.concurrent.TimeUnit;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.internal.trace.TraceSink;
import io.agenttracing.internal.trace.RecordingTracer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a finished trace costs the export thread compared with what it cost the traced
 * thread: the flood benchmark's traces recorded into a sink that discards them, and the
 * same traces with their snapshot taken at once, on the same thread. The difference is
 * the export thread's work per trace; while it is smaller than the traced thread's, one
 * export thread can keep up with one flooding producer. Measured on one thread, so it is
 * far less noisy than the flood itself.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ExportThreadCostBenchmarks {

	@State(Scope.Thread)
	public static class Tracers {

		RecordingTracer discarding;

		RecordingTracer snapshotting;

		/** Read by nobody; keeps the snapshots from being optimised away. */
		long spans;

		@Setup(Level.Trial)
		public void start() {
			this.discarding = RecordingTracer.builder().sink(TraceSink.DISCARD).build();
			this.snapshotting = RecordingTracer.builder().sink((export) -> {
				TraceData trace = export.snapshot();
				this.spans += trace.spanCount();
			}).build();
		}

	}

	@Benchmark
	public void oneSpanTraceRecorded(Tracers tracers) {
		oneSpanTrace(tracers.discarding);
	}

	@Benchmark
	public void oneSpanTraceRecordedAndSnapshot(Tracers tracers) {
		oneSpanTrace(tracers.snapshotting);
	}

	@Benchmark
	public void tenSpanTraceRecorded(Tracers tracers) {
		tenSpanTrace(tracers.discarding);
	}

	@Benchmark
	public void tenSpanTraceRecordedAndSnapshot(Tracers tracers) {
		tenSpanTrace(tracers.snapshotting);
	}

	static void oneSpanTrace(RecordingTracer tracer) {
		try (Span span = tracer.startSpan("trace", SpanKind.AGENT)) {
			span.setAttribute("n", 1);
		}
	}

	static void tenSpanTrace(RecordingTracer tracer) {
		try (Span root = tracer.startSpan("agent", SpanKind.AGENT)) {
			for (int i = 0; i < 9; i++) {
				try (Span tool = tracer.startSpan("tool", SpanKind.TOOL)) {
					tool.setAttribute("i", i);
				}
			}
		}
	}

}
