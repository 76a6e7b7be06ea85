package io.agenttracing.internal.capture;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agenttracing.Span;
import io.agenttracing.SpanEvent;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.autoconfigure.AgentTracingAutoConfiguration;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.internal.export.console.ConsoleTraceExporter;
import io.agenttracing.internal.export.jsonl.JsonLinesTraceExporter;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.export.memory.TraceQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never leave the process: not under secret keys, not inside free text, in no
 * exporter.
 */
class SecretRedactionTest {

	private static final List<String> SECRETS = List.of("hunter2", "xyz-very-secret-1", "dXNlcjpwYXNzd29yZA",
			"sk-proj-abcdefghijklmnop1234", "sk-ant-api03-abcdefghijklmnop", "AKIAABCDEFGHIJKLMNOP",
			"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N", "s3cr3t-pass", "k-123456",
			"private-pem", "cookie-value", "json-key-999");

	private final JsonValueCapturer capturer = new JsonValueCapturer(4000, List.of());

	@Test
	void plainTextIsMaskedOnlyWhenItNeedsNoEscape() {
		SecretRedactor redactor = SecretRedactor.defaults();
		assertThat(redactor.redactPlainText("What is the weather in Paris?"))
			.isEqualTo("What is the weather in Paris?");
		assertThat(redactor.redactPlainText("use Bearer abcdefghijklmnop")).isEqualTo("use Bearer [REDACTED]");
		assertThat(redactor.redactPlainText("two\nlines")).isNull();
		assertThat(redactor.redactPlainText("key sk-abcdefghijklmnopqrstu\tand tab")).isNull();
	}

	@Test
	void secretLookingTextIsMaskedWhereverItAppears() {
		String text = "call with Authorization: Bearer xyz-very-secret-1, Basic dXNlcjpwYXNzd29yZA, "
				+ "key sk-proj-abcdefghijklmnop1234 and sk-ant-api03-abcdefghijklmnop, aws AKIAABCDEFGHIJKLMNOP, "
				+ "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N, "
				+ "url https://db/x?user=ada&password=s3cr3t-pass&api_key=k-123456&page=2";
		String captured = this.capturer.capture(Map.of("note", text));
		assertThat(captured).doesNotContain(SECRETS)
			.contains("Bearer [REDACTED]", "Basic [REDACTED]", "user=ada", "password=[REDACTED]", "page=2");
	}

	@Test
	void jsonHeldAsTextIsRedactedByKey() {
		String toolArguments = "{\"city\":\"Oslo\",\"api_key\":\"json-key-999\",\"auth\":{\"password\":{\"v\":1}}}";
		assertThat(this.capturer.capture(toolArguments)).isEqualTo(
				"\"{\\\"city\\\":\\\"Oslo\\\",\\\"api_key\\\":\\\"[REDACTED]\\\",\\\"auth\\\":{\\\"password\\\":\\\"[REDACTED]\\\"}}\"");
	}

	@Test
	void userKeysAddToTheBuiltInOnesAndRemovingOneIsExplicit() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentTracingAutoConfiguration.class));
		runner.withPropertyValues("agent.tracing.capture.redact-keys=city").run((context) -> {
			JsonValueCapturer capturer = context.getBean(JsonValueCapturer.class);
			assertThat(capturer.capture(Map.of("city", "Oslo", "password", "hunter2", "Authorization", "Bearer xyz")))
				.doesNotContain("Oslo", "hunter2", "xyz");
		});
		runner.withPropertyValues("agent.tracing.capture.unredacted-keys=token").run((context) -> {
			JsonValueCapturer capturer = context.getBean(JsonValueCapturer.class);
			assertThat(capturer.capture(Map.of("token", "visible", "password", "hunter2"))).contains("visible")
				.doesNotContain("hunter2");
		});
		runner.withPropertyValues("agent.tracing.capture.redact-patterns=ticket-\\d+").run((context) -> {
			JsonValueCapturer capturer = context.getBean(JsonValueCapturer.class);
			assertThat(capturer.capture("see ticket-4711")).isEqualTo("\"see [REDACTED]\"");
		});
		runner.withPropertyValues("agent.tracing.capture.redact-patterns=ticket-(").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("agent.tracing.capture.redact-patterns[0] is not a valid regular expression");
		});
	}

	@Test
	void attributesEventsErrorsAndEveryExporterKeepSecretsIn(@TempDir Path dir) throws Exception {
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		InMemoryTraceExporter memory = new InMemoryTraceExporter(10);
		Path jsonl = dir.resolve("traces.jsonl");
		try (ExportPipeline pipeline = ExportPipeline.builder()
			.exporter(memory)
			.exporter(new ConsoleTraceExporter(new PrintStream(console, true, StandardCharsets.UTF_8),
					ConsoleTraceExporter.Format.JSON))
			.exporter(new ConsoleTraceExporter(new PrintStream(console, true, StandardCharsets.UTF_8),
					ConsoleTraceExporter.Format.TREE))
			.exporter(new JsonLinesTraceExporter(jsonl, 1_000_000, 2))
			.scheduleDelay(Duration.ofMillis(10))
			.build()) {
			RecordingTracer tracer = RecordingTracer.builder().sink(pipeline).capturer(this.capturer).build();
			try (Span span = tracer.startSpan("call", SpanKind.NETWORK)) {
				span.setAttribute("api_key", "k-123456");
				span.setAttribute("authorization", "Bearer xyz-very-secret-1");
				span.setAttribute("http.url", "https://db/x?password=s3cr3t-pass");
				span.setAttribute("private_key", "private-pem");
				span.setAttribute("request.cookie", "cookie-value");
				span.setTag("caller", "sk-proj-abcdefghijklmnop1234");
				span.addEvent(SpanEvent.of("retry")
					.withAttribute("header", "Basic dXNlcjpwYXNzd29yZA")
					.withAttribute("session_token", "hunter2"));
				span.setInputJson("{\"api_key\":\"json-key-999\",\"q\":\"AKIAABCDEFGHIJKLMNOP\"}");
				span.setError(new IllegalStateException("login failed for password=hunter2", new RuntimeException(
						"token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N")));
			}
			assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
		}
		TraceData trace = memory.findAll(TraceQuery.all()).get(0);
		assertThat(trace.spans().get(0).attributes()).containsEntry("api_key", "[REDACTED]")
			.containsEntry("authorization", "[REDACTED]")
			.containsEntry("http.url", "https://db/x?password=[REDACTED]");
		assertThat(trace.toJson()).doesNotContain(SECRETS).contains("login failed for password=[REDACTED]");
		assertThat(console.toString(StandardCharsets.UTF_8)).contains("call").doesNotContain(SECRETS);
		assertThat(Files.readString(jsonl)).contains("call").doesNotContain(SECRETS);
	}

}
