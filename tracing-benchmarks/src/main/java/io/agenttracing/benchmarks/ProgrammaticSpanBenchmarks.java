package io.agenttracing.benchmarks;

import java.util.concurrent.TimeUnit;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.internal.trace.TraceSink;
import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.export.TraceExporter;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a one-span trace without Spring in the way, to split the annotation's cost
 * into the proxy, the span itself, and the hand-off to the export pipeline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ProgrammaticSpanBenchmarks {

	@State(Scope.Benchmark)
	public static class Tracers {

		RecordingTracer discarding;

		RecordingTracer piped;

		ExportPipeline pipeline;

		@Setup(Level.Trial)
		public void start() {
			this.discarding = RecordingTracer.builder().sink(TraceSink.DISCARD).build();
			this.pipeline = ExportPipeline.builder().exporter(TraceExporter.noop()).build();
			this.piped = RecordingTracer.builder().sink(this.pipeline).build();
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.pipeline.close();
		}

	}

	@Benchmark
	public void spanIntoDiscardingSink(Tracers tracers) {
		try (Span span = tracers.discarding.startSpan("work", SpanKind.TOOL)) {
			span.setStatusIfUnset(io.agenttracing.SpanStatus.OK);
		}
	}

	@Benchmark
	public void spanThroughExportPipeline(Tracers tracers) {
		try (Span span = tracers.piped.startSpan("work", SpanKind.TOOL)) {
			span.setStatusIfUnset(io.agenttracing.SpanStatus.OK);
		}
	}

}
