package io.agenttracing.shutdownapp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stock application run as its own process and stopped as a platform stops it, with
 * SIGTERM: every trace still queued behind a slow exporter arrives before the process
 * exits.
 */
class GracefulShutdownTest {

	@Test
	void everyQueuedTraceArrivesAfterSigterm(@TempDir Path dir) throws Exception {
		Path exported = dir.resolve("exported.txt");
		Path output = dir.resolve("stdout.txt");
		Process process = new ProcessBuilder(javaCommand(), "-cp", classPath(), ShutdownApplication.class.getName(),
				"--server.port=0", "--shutdown-test.out=" + exported)
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> Files.readString(output).contains("QUEUED " + ShutdownApplication.TRACES));
			int arrivedBeforeSigterm = lines(exported).size();
			process.destroy(); // SIGTERM
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
			// 200 traces at 20 ms each take 4 s; they were still queued when the signal
			// came.
			assertThat(arrivedBeforeSigterm).isLessThan(ShutdownApplication.TRACES);
			List<String> ids = lines(exported);
			assertThat(ids).hasSize(ShutdownApplication.TRACES).doesNotHaveDuplicates();
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static List<String> lines(Path file) throws Exception {
		return Files.exists(file) ? Files.readAllLines(file) : List.of();
	}

	private static String javaCommand() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
	}

	private static String classPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

}
