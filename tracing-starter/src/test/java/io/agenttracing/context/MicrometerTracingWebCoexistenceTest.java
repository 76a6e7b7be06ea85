package io.agenttracing.context;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.annotation.Traced;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A web request with Boot's own tracing (Brave bridge) active: Boot's server span
 * continues the caller's {@code traceparent}, and our trace joins Boot's server span.
 */
@SpringBootTest(classes = MicrometerTracingWebCoexistenceTest.Application.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.export.schedule-delay=10ms", "management.tracing.sampling.probability=1.0" })
class MicrometerTracingWebCoexistenceTest {

	static final String CALLER_TRACE = "1af7651916cd43dd8448eb211c80319c";

	static final String CALLER_SPAN = "c7ad6b7169203331";

	@LocalServerPort
	int port;

	@Autowired
	InMemoryTraceExporter memory;

	@Autowired
	BraveSpans braveSpans;

	@Test
	void ourTraceJoinsBootsServerSpan() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/ask"))
			.header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
			.GET()
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);

		TraceData trace = await().until(() -> this.memory.findById(CALLER_TRACE), Optional::isPresent).orElseThrow();
		MutableSpan server = await().until(() -> this.braveSpans.server(CALLER_TRACE), Optional::isPresent)
			.orElseThrow();
		assertThat(server.parentId()).isEqualTo(CALLER_SPAN);
		SpanData root = trace.span("Answerer.answer");
		assertThat(root.parentId()).isEqualTo(server.id());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ AskController.class, Answerer.class })
	static class Application {

		@Bean
		BraveSpans braveSpans() {
			return new BraveSpans();
		}

	}

	/** Collects the spans Brave finishes. */
	static class BraveSpans extends SpanHandler {

		final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

		@Override
		public boolean end(TraceContext context, MutableSpan span, Cause cause) {
			this.spans.add(span);
			return true;
		}

		Optional<MutableSpan> server(String traceId) {
			return this.spans.stream()
				.filter((span) -> span.traceId().equals(traceId) && span.kind() == brave.Span.Kind.SERVER)
				.findFirst();
		}

	}

	@RestController
	static class AskController {

		private final Answerer answerer;

		AskController(Answerer answerer) {
			this.answerer = answerer;
		}

		@GetMapping("/ask")
		String ask() {
			return this.answerer.answer();
		}

	}

	static class Answerer {

		@Traced(kind = SpanKind.AGENT)
		public String answer() {
			return "42";
		}

	}

}
