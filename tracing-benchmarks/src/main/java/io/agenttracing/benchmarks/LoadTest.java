package io.agenttracing.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.agenttracing.sample.SampleAgentApplication;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End-to-end load test of the sample app over loopback HTTP, with tracing on and off:
 * requests per second and latency percentiles. Bounded in time (warm-up plus measurement
 * per run) and in concurrency; rounds alternate between the two modes so that neither
 * always runs first.
 */
public final class LoadTest {

	static final int CLIENTS = 16;

	static final Duration WARMUP = Duration.ofSeconds(5);

	static final Duration MEASURE = Duration.ofSeconds(10);

	/**
	 * The simulated LLM's latency per call: the sample's default (15 ms, so the test is
	 * bound by latency, as an agent is), and none (so it is bound by CPU, which shows
	 * tracing's cost most).
	 */
	static final List<String> LLM_LATENCIES = List.of(System.getProperty("loadtest.latencies", "15ms,0ms").split(","));

	static final int ROUNDS = 2;

	private LoadTest() {
	}

	public static void main(String[] args) throws Exception {
		Path output = Path.of((args.length > 0) ? args[0] : "results/load-test.json");
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("clients", CLIENTS);
		summary.put("warmupSeconds", WARMUP.toSeconds());
		summary.put("measureSeconds", MEASURE.toSeconds());
		summary.put("rounds", ROUNDS);
		summary.put("javaVersion", System.getProperty("java.version"));
		summary.put("availableProcessors", Runtime.getRuntime().availableProcessors());
		for (String latency : LLM_LATENCIES) {
			summary.put("llmLatency=" + latency, scenario(latency));
		}
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output,
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
		System.out.println("[load] written to " + output);
	}

	private static Map<String, Object> scenario(String llmLatency) throws Exception {
		Map<String, List<Result>> results = new LinkedHashMap<>();
		// The JVM's first runs are slower while the JIT compiles: one unmeasured run of
		// each mode first, so that neither mode's first round pays for it.
		run(true, llmLatency);
		run(false, llmLatency);
		for (int round = 0; round < ROUNDS; round++) {
			for (boolean tracing : (round % 2 == 0) ? new boolean[] { false, true } : new boolean[] { true, false }) {
				String mode = tracing ? "tracing-enabled" : "tracing-disabled";
				Result result = run(tracing, llmLatency);
				System.out.printf(Locale.ROOT,
						"[load] llm latency %s, %s, round %d: %.1f req/s, p50 %.2f ms, p99 %.2f ms, errors %d%n",
						llmLatency, mode, round + 1, result.rps, result.p50, result.p99, result.errors);
				results.computeIfAbsent(mode, (key) -> new ArrayList<>()).add(result);
			}
		}
		Map<String, Object> scenario = new LinkedHashMap<>();
		results.forEach((mode, runs) -> scenario.put(mode,
				Map.of("runs", runs, "meanRps", runs.stream().mapToDouble(Result::rps).average().orElse(0), "meanP99Ms",
						runs.stream().mapToDouble(Result::p99).average().orElse(0))));
		double enabled = (double) ((Map<?, ?>) scenario.get("tracing-enabled")).get("meanRps");
		double disabled = (double) ((Map<?, ?>) scenario.get("tracing-disabled")).get("meanRps");
		scenario.put("throughputKeptWithTracing", enabled / disabled);
		System.out.printf(Locale.ROOT, "[load] llm latency %s: tracing keeps %.1f %% of untraced throughput%n",
				llmLatency, 100 * enabled / disabled);
		return scenario;
	}

	/**
	 * The arguments the load tests start the sample app with, then {@code extra}: a
	 * random port, no console, quiet logs, and none of the peers' tracing libraries,
	 * which share this module's classpath.
	 */
	static String[] sampleArguments(String... extra) {
		return Stream.concat(Stream.of(extra), Stream.of("--server.port=0",
				"--agent.tracing.exporters.console.enabled=false", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", "--otel.sdk.disabled=true",
				"--spring.autoconfigure.exclude=" + String.join(",",
						"io.opentelemetry.instrumentation.spring.autoconfigure.OpenTelemetryAutoConfiguration",
						"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
						"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
						"org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration")))
			.toArray(String[]::new);
	}

	private static Result run(boolean tracing, String llmLatency) throws Exception {
		List<String> extra = List.of(System.getProperty("loadtest.args", "").split(" "));
		ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleAgentApplication.class).run(
				sampleArguments(Stream
					.concat(extra.stream().filter((arg) -> !arg.isBlank()),
							Stream.of("--agent.tracing.enabled=" + tracing,
									"--sample.llm.simulated-latency=" + llmLatency))
					.toArray(String[]::new)));
		try {
			String url = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
					+ "/api/agent/chat";
			ExecutorService httpThreads = Executors.newFixedThreadPool(CLIENTS);
			try {
				HttpClient client = HttpClient.newBuilder().executor(httpThreads).build();
				drive(client, url, WARMUP);
				return drive(client, url, MEASURE);
			}
			finally {
				httpThreads.shutdownNow();
			}
		}
		finally {
			app.close();
		}
	}

	private static Result drive(HttpClient client, String url, Duration duration) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		AtomicBoolean running = new AtomicBoolean(true);
		long start = System.nanoTime();
		List<Future<long[]>> workers = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int clientId = c;
			workers.add(clients.submit(() -> {
				long[] latencies = new long[1 << 16];
				int count = 0;
				long errors = 0;
				int n = 0;
				while (running.get()) {
					String body = "{\"sessionId\":\"load-" + clientId + "\",\"message\":\"What is " + (n++)
							+ "*7 and the weather in Paris?\"}";
					HttpRequest request = HttpRequest.newBuilder(URI.create(url))
						.header("Content-Type", "application/json")
						.timeout(Duration.ofSeconds(30))
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build();
					long sent = System.nanoTime();
					HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
					long took = System.nanoTime() - sent;
					if (response.statusCode() != 200) {
						errors++;
					}
					if (count == latencies.length) {
						latencies = Arrays.copyOf(latencies, count * 2);
					}
					latencies[count++] = took;
				}
				long[] result = Arrays.copyOf(latencies, count + 1);
				result[count] = errors;
				return result;
			}));
		}
		Thread.sleep(duration.toMillis());
		running.set(false);
		long elapsed = System.nanoTime() - start;
		List<Long> all = new ArrayList<>();
		long errors = 0;
		for (Future<long[]> worker : workers) {
			long[] latencies = worker.get();
			for (int i = 0; i < latencies.length - 1; i++) {
				all.add(latencies[i]);
			}
			errors += latencies[latencies.length - 1];
		}
		clients.shutdown();
		all.sort(Long::compare);
		double rps = all.size() / (elapsed / 1e9);
		return new Result(all.size(), rps, percentile(all, 0.50), percentile(all, 0.99), errors);
	}

	private static double percentile(List<Long> sorted, double p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	/** One measured run. */
	record Result(long requests, double rps, double p50, double p99, long errors) {

	}

}
