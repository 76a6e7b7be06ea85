package io.agenttracing.benchmarks;

import java.util.concurrent.TimeUnit;

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

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cost of one call of a bean method through its Spring proxy: the floor (plain call,
 * one no-op advice), {@code @Traced} (disabled, a one-span trace through the real export
 * pipeline, a root with ten children, capture of two String arguments and a String
 * result) and the peers, OpenTelemetry's {@code @WithSpan} and Micrometer's
 * {@code @Observed} with tracing, in the same run. Each state starts its real Spring Boot
 * context once per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class AnnotationBenchmarks {

	/** A Spring context started once per trial and closed after it. */
	abstract static class ContextState {

		ConfigurableApplicationContext context;

		int x;

		abstract ConfigurableApplicationContext start();

		@Setup(Level.Trial)
		public void startContext() {
			this.context = start();
		}

		@TearDown(Level.Trial)
		public void closeContext() {
			report();
			this.context.close();
		}

		void report() {
		}

	}

	@State(Scope.Benchmark)
	public static class Plain extends ContextState {

		Workloads.Plain bean;

		@Override
		ConfigurableApplicationContext start() {
			ConfigurableApplicationContext context = BenchmarkContexts
				.start(BenchmarkContexts.PlainConfiguration.class);
			this.bean = context.getBean(Workloads.Plain.class);
			return context;
		}

	}

	@State(Scope.Benchmark)
	public static class NoopAdvice extends ContextState {

		Workloads.NoopAdvisedWork bean;

		@Override
		ConfigurableApplicationContext start() {
			ConfigurableApplicationContext context = BenchmarkContexts
				.start(BenchmarkContexts.NoopAdviceConfiguration.class);
			this.bean = context.getBean(Workloads.NoopAdvisedWork.class);
			return context;
		}

	}

	@State(Scope.Benchmark)
	public static class TracedDisabled extends ContextState {

		Workloads.TracedWork bean;

		@Override
		ConfigurableApplicationContext start() {
			ConfigurableApplicationContext context = BenchmarkContexts
				.start(BenchmarkContexts.TracedConfiguration.class, "agent.tracing.enabled=false");
			this.bean = context.getBean(Workloads.TracedWork.class);
			return context;
		}

	}

	@State(Scope.Benchmark)
	public static class Traced extends ContextState {

		Workloads.TracedWork bean;

		Workloads.TracedAgent agent;

		@Override
		ConfigurableApplicationContext start() {
			ConfigurableApplicationContext context = BenchmarkContexts
				.start(BenchmarkContexts.TracedConfiguration.class, "agent.tracing.exporters.memory.enabled=false");
			this.bean = context.getBean(Workloads.TracedWork.class);
			this.agent = context.getBean(Workloads.TracedAgent.class);
			return context;
		}

		@Override
		void report() {
			var pipeline = this.context.getBean(io.agenttracing.internal.export.ExportPipeline.class);
			pipeline.flush(java.time.Duration.ofSeconds(10));
			var exporter = this.context.getBean(BenchmarkContexts.CountingTraceExporter.class);
			System.out.printf("%n[traced] exported %d traces, %d spans; dropped by the queue: %d%n",
					exporter.traces.get(), exporter.spans.get(), pipeline.droppedCount());
		}

	}

	@State(Scope.Benchmark)
	public static class WithSpan extends ContextState {

		Workloads.WithSpanWork bean;

		@Override
		ConfigurableApplicationContext start() {
			ConfigurableApplicationContext context = BenchmarkContexts.start(
					BenchmarkContexts.WithSpanConfiguration.class, "otel.traces.exporter=none",
					"otel.metrics.exporter=none", "otel.logs.exporter=none");
			this.bean = context.getBean(Workloads.WithSpanWork.class);
			return context;
		}

		@Override
		void report() {
			System.out.printf("%n[withSpan] exported %d spans%n",
					this.context.getBean(BenchmarkContexts.CountingSpanExporter.class).spans.get());
		}

	}

	@State(Scope.Benchmark)
	public static class Observed extends ContextState {

		Workloads.ObservedWork bean;

		@Override
		ConfigurableApplicationContext start() {
			ConfigurableApplicationContext context = BenchmarkContexts
				.start(BenchmarkContexts.ObservedConfiguration.class, "management.tracing.sampling.probability=1.0");
			this.bean = context.getBean(Workloads.ObservedWork.class);
			return context;
		}

		@Override
		void report() {
			System.out.printf("%n[observed] exported %d spans%n",
					this.context.getBean(BenchmarkContexts.CountingSpanExporter.class).spans.get());
		}

	}

	@Benchmark
	public int floorPlainCall(Plain state) {
		return state.bean.compute(state.x++);
	}

	@Benchmark
	public int floorNoopAdvice(NoopAdvice state) {
		return state.bean.compute(state.x++);
	}

	@Benchmark
	public int tracedDisabled(TracedDisabled state) {
		return state.bean.compute(state.x++);
	}

	@Benchmark
	public int tracedRoot(Traced state) {
		return state.bean.compute(state.x++);
	}

	/** A {@code @Traced(level = DEBUG)} method with the threshold at INFO. */
	@Benchmark
	public int tracedBelowLevel(Traced state) {
		return state.bean.computeDetail(state.x++);
	}

	@Benchmark
	public int tracedRootWithTenChildren(Traced state) {
		return state.agent.run(state.x++);
	}

	@Benchmark
	public String tracedCaptureTwoStringsAndResult(Traced state) {
		return state.bean.chat("You are a helpful agent.", "What is the weather in Paris?");
	}

	@Benchmark
	public int peerWithSpan(WithSpan state) {
		return state.bean.compute(state.x++);
	}

	@Benchmark
	public int peerObservedWithTracing(Observed state) {
		return state.bean.compute(state.x++);
	}

}
