package io.agenttracing.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.agenttracing.internal.export.ExportListener;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.export.otlp.OtlpTraceExporter;
import io.agenttracing.sample.SampleAgentApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Export behind a real network link: the sample app, driven by 16 clients as fast as they
 * can go, exports over OTLP to a collector that answers after 50 ms and after 200 ms.
 * Counted at the collector: the share of produced spans that arrived, and the traces and
 * spans per second one exporter sustains. OpenTelemetry's BatchSpanProcessor with the
 * official OTLP exporter runs against the same slow collector in the same run: at the
 * span rate the sample produced, and flat out. Bounded in time; everything runs on
 * loopback.
 */
public final class SlowCollectorLoadTest {

	static final int CLIENTS = 16;

	static final Duration WARMUP = Duration.ofSeconds(5);

	static final Duration MEASURE = Duration.ofSeconds(20);

	static final Duration DRAIN = Duration.ofSeconds(30);

	static final List<String> LATENCIES = List
		.of(System.getProperty("loadtest.collector-latencies", "50ms,200ms").split(","));

	/**
	 * Spans of each trace the BatchSpanProcessor run makes: a root and its children, as a
	 * chat.
	 */
	static final int SPANS_PER_OTEL_TRACE = 10;

	private SlowCollectorLoadTest() {
	}

	public static void main(String[] args) throws Exception {
		Path output = Path.of((args.length > 0) ? args[0] : "results/slow-collector.json");
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("clients", CLIENTS);
		summary.put("warmupSeconds", WARMUP.toSeconds());
		summary.put("measureSeconds", MEASURE.toSeconds());
		summary.put("javaVersion", System.getProperty("java.version"));
		summary.put("availableProcessors", Runtime.getRuntime().availableProcessors());
		for (String latency : LATENCIES) {
			Duration delay = Duration.ofMillis(Long.parseLong(latency.replace("ms", "").trim()));
			Map<String, Object> scenario = new LinkedHashMap<>();
			Map<String, Object> ours = ours(delay);
			scenario.put("agentTracing", ours);
			double spanRate = (double) ours.get("spansProducedPerSecond");
			scenario.put("otelBatchSpanProcessorAtTheSameSpanRate", otel(delay, spanRate));
			scenario.put("otelBatchSpanProcessorFlatOut", otel(delay, 0));
			scenario.put("agentTracingPipelineFlatOut", oursFlatOut(delay));
			summary.put("collectorLatency=" + latency.trim(), scenario);
		}
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output,
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
		System.out.println("[slow-collector] written to " + output);
		// The HTTP clients' worker threads would keep the JVM alive.
		System.exit(0);
	}

	/** The sample app, default export settings, OTLP to the slow collector. */
	private static Map<String, Object> ours(Duration latency) throws Exception {
		try (SlowCollector collector = new SlowCollector(latency)) {
			ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleAgentApplication.class,
					ExportConfiguration.class)
				.run(LoadTest.sampleArguments("--loadtest.collector=" + collector.endpoint()));
			try {
				BenchmarkContexts.CountingTraceExporter produced = app
					.getBean(BenchmarkContexts.CountingTraceExporter.class);
				String url = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
						+ "/api/agent/chat";
				long chats = drive(url, WARMUP);
				long spansBefore = collector.spans();
				int tracesBefore = collector.traces();
				long producedBefore = produced.spans.get();
				long start = System.nanoTime();
				chats += drive(url, MEASURE);
				double seconds = (System.nanoTime() - start) / 1e9;
				double deliveredSpanRate = (collector.spans() - spansBefore) / seconds;
				double deliveredTraceRate = (collector.traces() - tracesBefore) / seconds;
				double producedSpanRate = (produced.spans.get() - producedBefore) / seconds;
				// Let the exporter catch up, then read what arrived against what was
				// produced.
				long deadline = System.nanoTime() + DRAIN.toNanos();
				while (collector.spans() < produced.spans.get() && System.nanoTime() < deadline) {
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
				}
				MeterRegistry registry = app.getBean(MeterRegistry.class);
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("chats", chats);
				result.put("chatsPerSecond", chats / (WARMUP.toSeconds() + seconds));
				result.put("tracesProduced", produced.traces.get());
				result.put("spansProduced", produced.spans.get());
				result.put("spansProducedPerSecond", producedSpanRate);
				result.put("tracesArrived", collector.traces());
				result.put("spansArrived", collector.spans());
				result.put("spansDeliveredShare", collector.spans() / (double) produced.spans.get());
				result.put("sustainedTracesPerSecondAtCollector", deliveredTraceRate);
				result.put("sustainedSpansPerSecondAtCollector", deliveredSpanRate);
				result.put("requests", collector.requests());
				result.put("spansPerRequest", collector.spans() / (double) Math.max(1, collector.requests()));
				result.put("maxRequestsInFlight", collector.maxInFlight());
				result.put("tracesDropped",
						registry.find("agent.tracing.traces.dropped")
							.counters()
							.stream()
							.mapToDouble((c) -> c.count())
							.sum());
				result.put("tracesFailed",
						registry.find("agent.tracing.traces.failed")
							.counters()
							.stream()
							.mapToDouble((c) -> c.count())
							.sum());
				System.out.printf(Locale.ROOT,
						"[slow-collector] %d ms, agent tracing: %.0f chats/s, %.0f spans/s produced, %.0f spans/s and "
								+ "%.0f traces/s at the collector, %.4f %% of spans arrived, %s dropped%n",
						latency.toMillis(), result.get("chatsPerSecond"), producedSpanRate, deliveredSpanRate,
						deliveredTraceRate, 100 * (double) result.get("spansDeliveredShare"),
						result.get("tracesDropped"));
				return result;
			}
			finally {
				app.close();
			}
		}
	}

	/**
	 * The BatchSpanProcessor at its defaults with the official OTLP exporter: traces of
	 * ten spans from 16 threads, paced to {@code spansPerSecond} (0 for as fast as they
	 * can).
	 */
	private static Map<String, Object> otel(Duration latency, double spansPerSecond) throws Exception {
		try (SlowCollector collector = new SlowCollector(latency)) {
			SdkTracerProvider provider = SdkTracerProvider.builder()
				.addSpanProcessor(BatchSpanProcessor
					.builder(OtlpHttpSpanExporter.builder().setEndpoint(collector.endpoint()).build())
					.build())
				.build();
			Tracer tracer = provider.get("slow-collector-load-test");
			AtomicLong created = new AtomicLong();
			AtomicBoolean running = new AtomicBoolean(true);
			long traceIntervalNanos = (spansPerSecond > 0)
					? (long) (1e9 * SPANS_PER_OTEL_TRACE * CLIENTS / spansPerSecond) : 0;
			ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
			List<Future<?>> workers = new ArrayList<>();
			long start = System.nanoTime();
			for (int c = 0; c < CLIENTS; c++) {
				workers.add(threads.submit(() -> {
					long next = System.nanoTime();
					while (running.get()) {
						Span root = tracer.spanBuilder("chat").startSpan();
						try (Scope scope = root.makeCurrent()) {
							for (int i = 1; i < SPANS_PER_OTEL_TRACE; i++) {
								tracer.spanBuilder("step").startSpan().end();
							}
						}
						root.end();
						created.addAndGet(SPANS_PER_OTEL_TRACE);
						if (traceIntervalNanos > 0) {
							next += traceIntervalNanos;
							LockSupport.parkNanos(next - System.nanoTime());
						}
					}
				}));
			}
			Thread.sleep(MEASURE.toMillis());
			running.set(false);
			for (Future<?> worker : workers) {
				worker.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long arrivedAtStop = collector.spans();
			threads.shutdown();
			// Shutting down exports what the processor still holds, within its own
			// timeout.
			provider.shutdown().join(DRAIN.toSeconds(), TimeUnit.SECONDS);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("offeredSpansPerSecond", created.get() / seconds);
			result.put("spansCreated", created.get());
			result.put("spansArrived", collector.spans());
			result.put("spansDeliveredShare", collector.spans() / (double) created.get());
			result.put("sustainedSpansPerSecondAtCollector", arrivedAtStop / seconds);
			result.put("requests", collector.requests());
			result.put("maxRequestsInFlight", collector.maxInFlight());
			System.out.printf(Locale.ROOT,
					"[slow-collector] %d ms, BatchSpanProcessor %s: %.0f spans/s offered, %.0f spans/s at the collector, "
							+ "%.2f %% of spans arrived%n",
					latency.toMillis(), (spansPerSecond > 0) ? "paced" : "flat out", created.get() / seconds,
					arrivedAtStop / seconds, 100 * (double) result.get("spansDeliveredShare"));
			return result;
		}
	}

	/**
	 * The same exporter's capacity: our pipeline at its defaults, fed traces of ten spans
	 * from 16 threads as fast as they can, as the flat-out BatchSpanProcessor run is.
	 */
	private static Map<String, Object> oursFlatOut(Duration latency) throws Exception {
		try (SlowCollector collector = new SlowCollector(latency)) {
			OtlpTraceExporter exporter = OtlpTraceExporter.builder()
				.endpoint(collector.endpoint())
				.serviceName("flat-out")
				.build();
			AtomicLong dropped = new AtomicLong();
			ExportPipeline pipeline = ExportPipeline.builder().exporter(exporter).listener(new ExportListener() {
				@Override
				public void onDropped(String name) {
					dropped.incrementAndGet();
				}
			}).build();
			io.agenttracing.Tracer tracer = io.agenttracing.internal.trace.RecordingTracer.builder()
				.sink(pipeline)
				.build();
			AtomicLong created = new AtomicLong();
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
			List<Future<?>> workers = new ArrayList<>();
			long start = System.nanoTime();
			for (int c = 0; c < CLIENTS; c++) {
				workers.add(threads.submit(() -> {
					while (running.get()) {
						try (io.agenttracing.Span root = tracer.startSpan("chat", io.agenttracing.SpanKind.WORKFLOW)) {
							for (int i = 1; i < SPANS_PER_OTEL_TRACE; i++) {
								tracer.startSpan("step", io.agenttracing.SpanKind.TOOL).close();
							}
							root.setAttribute("n", 1);
						}
						created.addAndGet(SPANS_PER_OTEL_TRACE);
					}
				}));
			}
			Thread.sleep(MEASURE.toMillis());
			running.set(false);
			for (Future<?> worker : workers) {
				worker.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long arrivedAtStop = collector.spans();
			threads.shutdown();
			pipeline.close();
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("offeredSpansPerSecond", created.get() / seconds);
			result.put("spansCreated", created.get());
			result.put("spansArrived", collector.spans());
			result.put("tracesDroppedByFullQueue", dropped.get());
			result.put("sustainedSpansPerSecondAtCollector", arrivedAtStop / seconds);
			result.put("requests", collector.requests());
			result.put("maxRequestsInFlight", collector.maxInFlight());
			System.out.printf(Locale.ROOT,
					"[slow-collector] %d ms, agent tracing flat out: %.0f spans/s offered, %.0f spans/s at the collector%n",
					latency.toMillis(), created.get() / seconds, arrivedAtStop / seconds);
			return result;
		}
	}

	/**
	 * 16 clients sending chats as fast as the app answers, for {@code duration}; returns
	 * the chats sent.
	 */
	private static long drive(String url, Duration duration) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong chats = new AtomicLong();
		List<Future<?>> workers = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			workers.add(clients.submit(() -> {
				int n = 0;
				while (running.get()) {
					String body = "{\"sessionId\":\"slow-" + client + "\",\"message\":\"What is " + (n++)
							+ "*7 and the weather in Paris?\"}";
					HttpRequest request = HttpRequest.newBuilder(URI.create(url))
						.header("Content-Type", "application/json")
						.timeout(Duration.ofSeconds(30))
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build();
					HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() == 200) {
						chats.incrementAndGet();
					}
				}
				return null;
			}));
		}
		Thread.sleep(duration.toMillis());
		running.set(false);
		for (Future<?> worker : workers) {
			worker.get();
		}
		clients.shutdown();
		return chats.get();
	}

	@Configuration(proxyBeanMethods = false)
	static class ExportConfiguration {

		@Bean
		OtlpTraceExporter slowCollectorOtlpExporter(Environment environment) {
			return OtlpTraceExporter.builder()
				.endpoint(environment.getRequiredProperty("loadtest.collector"))
				.serviceName("sample-agent-app")
				.build();
		}

		/**
		 * What the app produced: every trace the pipeline handed to exporters, counted
		 * in-process.
		 */
		@Bean
		BenchmarkContexts.CountingTraceExporter produced() {
			return new BenchmarkContexts.CountingTraceExporter();
		}

	}

}
