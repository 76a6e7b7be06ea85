package io.agenttracing.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.internal.export.ExportPipeline;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Sustained throughput of the export pipeline at default settings, with producer threads
 * that finish traces as fast as they can into an exporter that discards, and how many
 * traces it dropped; OpenTelemetry's BatchSpanProcessor at its defaults in the same run,
 * for comparison. Drops are written to {@code results/pipeline-drops.json} lines.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class PipelineThroughputBenchmarks {

	@State(Scope.Benchmark)
	public static class Ours {

		ExportPipeline pipeline;

		RecordingTracer tracer;

		BenchmarkContexts.CountingTraceExporter exporter;

		/**
		 * Drops anywhere in the pipeline: the shared queue and the exporter's own queue.
		 */
		final java.util.concurrent.atomic.LongAdder dropped = new java.util.concurrent.atomic.LongAdder();

		@Setup(Level.Trial)
		public void start() {
			this.exporter = new BenchmarkContexts.CountingTraceExporter();
			this.pipeline = ExportPipeline.builder()
				.exporter(this.exporter)
				.listener(new io.agenttracing.internal.export.ExportListener() {
					@Override
					public void onDropped(String exporter) {
						Ours.this.dropped.increment();
					}
				})
				.build();
			this.tracer = RecordingTracer.builder().sink(this.pipeline).build();
		}

		@TearDown(Level.Trial)
		public void stop(BenchmarkParams params) {
			this.pipeline.flush(Duration.ofSeconds(30));
			long dropped = this.dropped.sum();
			long exported = this.exporter.traces.get();
			this.pipeline.close();
			record(params, exported + dropped, exported, dropped);
		}

	}

	@State(Scope.Benchmark)
	public static class OpenTelemetry {

		SdkTracerProvider provider;

		io.opentelemetry.api.trace.Tracer tracer;

		BenchmarkContexts.CountingSpanExporter exporter;

		final java.util.concurrent.atomic.LongAdder started = new java.util.concurrent.atomic.LongAdder();

		@Setup(Level.Trial)
		public void start() {
			this.exporter = new BenchmarkContexts.CountingSpanExporter();
			this.provider = SdkTracerProvider.builder()
				.addSpanProcessor(BatchSpanProcessor.builder(this.exporter).build())
				.build();
			this.tracer = this.provider.get("benchmark");
		}

		@TearDown(Level.Trial)
		public void stop(BenchmarkParams params) {
			this.provider.forceFlush().join(30, TimeUnit.SECONDS);
			long exported = this.exporter.spans.get();
			long started = this.started.sum();
			this.provider.shutdown().join(30, TimeUnit.SECONDS);
			record(params, started, exported, started - exported);
		}

	}

	static synchronized void record(BenchmarkParams params, long offered, long exported, long dropped) {
		String line = String.format(Locale.ROOT,
				"{\"benchmark\":\"%s\",\"threads\":%d,\"offered\":%d,\"exported\":%d,\"dropped\":%d,\"droppedShare\":%.6f}%n",
				params.getBenchmark(), params.getThreads(), offered, exported, dropped,
				(offered > 0) ? (double) dropped / offered : 0.0);
		System.out.print(line);
		try {
			Path file = Path.of(System.getProperty("benchmarks.results", "results"), "pipeline-drops.jsonl");
			Files.createDirectories(file.getParent());
			Files.writeString(file, line, java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Benchmark
	@Threads(1)
	public void oursOneSpanTracesOneProducer(Ours state) {
		ExportThreadCostBenchmarks.oneSpanTrace(state.tracer);
	}

	@Benchmark
	@Threads(2)
	public void oursOneSpanTracesTwoProducers(Ours state) {
		ExportThreadCostBenchmarks.oneSpanTrace(state.tracer);
	}

	@Benchmark
	@Threads(1)
	public void oursTenSpanTracesOneProducer(Ours state) {
		ExportThreadCostBenchmarks.tenSpanTrace(state.tracer);
	}

	@Benchmark
	@Threads(1)
	public void openTelemetryBatchSpanProcessorOneProducer(OpenTelemetry state) {
		io.opentelemetry.api.trace.Span span = state.tracer.spanBuilder("trace").startSpan();
		span.setAttribute("n", 1);
		span.end();
		state.started.increment();
	}

}
