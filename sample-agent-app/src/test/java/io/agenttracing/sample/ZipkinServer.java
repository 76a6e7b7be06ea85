package io.agenttracing.sample;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * A real Zipkin server (the {@code io.zipkin:zipkin-server} exec jar the build fetches
 * from Maven Central), started with {@code java -jar} on a free loopback port with
 * in-memory storage.
 */
final class ZipkinServer implements AutoCloseable {

	private final Process process;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private ZipkinServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static ZipkinServer start() {
		String jar = System.getProperty("zipkin.server.jar", "target/zipkin/zipkin-server.jar");
		if (!new File(jar).isFile()) {
			throw new IllegalStateException("No Zipkin server at " + jar + ": run the tests through Maven");
		}
		int port = freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		try {
			Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar,
					"--server.port=" + port, "--logging.level.root=WARN")
				.redirectErrorStream(true)
				.redirectOutput(Path.of("target", "zipkin-" + port + ".log").toFile())
				.start();
			ZipkinServer server = new ZipkinServer(process, port);
			// A test JVM that dies before closing the server must not leave it running.
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> process.isAlive() && server.get("/health").statusCode() == 200);
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String spansEndpoint() {
		return "http://127.0.0.1:" + this.port + "/api/v2/spans";
	}

	/** The spans Zipkin holds for a trace, or an empty array. */
	JsonNode trace(String traceId) {
		HttpResponse<String> response = get("/api/v2/trace/" + traceId);
		return (response.statusCode() == 200) ? Http.JSON.readTree(response.body()) : Http.JSON.createArrayNode();
	}

	private HttpResponse<String> get(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
