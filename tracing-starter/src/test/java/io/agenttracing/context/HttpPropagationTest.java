package io.agenttracing.context;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.annotation.SessionId;
import io.agenttracing.annotation.Traced;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * W3C Trace Context over real HTTP: incoming {@code traceparent}, {@code tracestate} and
 * {@code baggage}; outgoing headers on Boot's {@code RestClient}, {@code RestTemplate}
 * and {@code WebClient}; the {@code traceresponse} header.
 */
@SpringBootTest(classes = HttpPropagationTest.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.export.schedule-delay=10ms",
				"spring.autoconfigure.exclude=" + HttpPropagationTest.BRAVE })
class HttpPropagationTest {

	/** Without Boot's own tracing, so that our propagation alone is under test. */
	static final String BRAVE = "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration";

	static final String REMOTE_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	static final String REMOTE_SPAN = "00f067aa0ba902b7";

	@LocalServerPort
	int port;

	@Autowired
	Downstream downstream;

	@Autowired
	InMemoryTraceExporter memory;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void clear() {
		this.downstream.received.clear();
		this.memory.clear();
	}

	private HttpResponse<String> front(Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/front?session=chat-1"))
			.POST(HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private TraceData trace(String traceId) {
		// The filter finishes the trace after the response is written, so wait for it to
		// arrive.
		return await().until(() -> this.memory.findById(traceId), java.util.Optional::isPresent).orElseThrow();
	}

	@Test
	void outgoingCallsOfAllThreeClientsCarryTheCurrentSpan() throws Exception {
		HttpResponse<String> response = front(Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		String traceId = response.headers().firstValue("traceresponse").orElseThrow().substring(3, 35);
		TraceData trace = trace(traceId);
		assertThat(this.downstream.received).hasSize(3);
		for (Map<String, String> headers : this.downstream.received) {
			String traceparent = headers.get("traceparent");
			// Sampled (our decision) and random (our trace ids are): 0x03.
			assertThat(traceparent).startsWith("00-" + traceId + "-").endsWith("-03");
			SpanData caller = trace.spans()
				.stream()
				.filter((span) -> span.spanId().equals(traceparent.substring(36, 52)))
				.findFirst()
				.orElseThrow();
			assertThat(caller.kind()).isEqualTo(SpanKind.NETWORK);
			assertThat(caller.name()).isEqualTo(headers.get("x-client"));
			assertThat(headers.get("baggage")).isEqualTo("session.id=chat-1");
			assertThat(headers.get("tracestate")).isNull();
		}
		assertThat(this.downstream.received).extracting((headers) -> headers.get("x-client"))
			.containsExactlyInAnyOrder("restClient", "restTemplate", "webClient");
	}

	@Test
	void incomingTraceparentIsContinuedAndTracestatePassedOn() throws Exception {
		HttpResponse<String> response = front(Map.of("traceparent", "00-" + REMOTE_TRACE + "-" + REMOTE_SPAN + "-01",
				"tracestate", "vendor=abc", "baggage", "session.id=from-caller"));
		assertThat(response.statusCode()).isEqualTo(200);
		TraceData trace = trace(REMOTE_TRACE);
		SpanData root = trace.span("Frontend.call");
		assertThat(root.parentId()).isEqualTo(REMOTE_SPAN);
		assertThat(response.headers().firstValue("traceresponse"))
			.hasValue("00-" + REMOTE_TRACE + "-" + root.spanId() + "-01");
		assertThat(this.downstream.received).allSatisfy((headers) -> {
			assertThat(headers.get("traceparent")).startsWith("00-" + REMOTE_TRACE + "-");
			assertThat(headers.get("tracestate")).isEqualTo("vendor=abc");
		});
		// The @SessionId parameter was set after the caller's baggage, and wins.
		assertThat(trace.sessionId()).isEqualTo("chat-1");
	}

	@Test
	void malformedTraceparentStartsANewTraceAndTheRequestSucceeds() throws Exception {
		HttpResponse<String> response = front(Map.of("traceparent", "00-not-a-real-traceparent-01"));
		assertThat(response.statusCode()).isEqualTo(200);
		String traceresponse = response.headers().firstValue("traceresponse").orElseThrow();
		assertThat(traceresponse).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-03");
		TraceData trace = trace(traceresponse.substring(3, 35));
		assertThat(trace.span("Frontend.call").parentId()).isNull();
		assertThat(trace.span("Frontend.call").spanId()).isEqualTo(traceresponse.substring(36, 52));
	}

	@Test
	void sessionFromBaggageIsRestoredOnTheReceivingSide() throws Exception {
		String remoteTrace = "0af7651916cd43dd8448eb211c80319c";
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/traced-downstream"))
			.header("traceparent", "00-" + remoteTrace + "-" + REMOTE_SPAN + "-01")
			.header("baggage", "other=1,session.id=session%20from%20upstream")
			.GET()
			.build();
		assertThat(this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		assertThat(trace(remoteTrace).sessionId()).isEqualTo("session from upstream");
		assertThat(trace(remoteTrace).spans()).extracting(SpanData::sessionId).containsOnly("session from upstream");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ FrontController.class, Frontend.class, Clients.class, Downstream.class, DownstreamWork.class })
	static class Application {

	}

	@RestController
	static class FrontController {

		private final Frontend frontend;

		FrontController(Frontend frontend) {
			this.frontend = frontend;
		}

		@PostMapping("/front")
		String front(@RequestParam String session) {
			return this.frontend.call(session);
		}

	}

	static class Frontend {

		private final Clients clients;

		Frontend(Clients clients) {
			this.clients = clients;
		}

		@Traced(kind = SpanKind.AGENT)
		public String call(@SessionId String session) {
			return this.clients.restClient() + this.clients.restTemplate() + this.clients.webClient();
		}

	}

	static class Clients {

		private final RestClient restClient;

		private final RestTemplate restTemplate;

		private final WebClient webClient;

		private final Environment environment;

		Clients(RestClient.Builder restClient, RestTemplateBuilder restTemplate, WebClient.Builder webClient,
				Environment environment) {
			this.restClient = restClient.build();
			this.restTemplate = restTemplate.build();
			this.webClient = webClient.build();
			this.environment = environment;
		}

		private String url() {
			return "http://127.0.0.1:" + this.environment.getProperty("local.server.port") + "/downstream";
		}

		@Traced(name = "restClient", kind = SpanKind.NETWORK)
		public String restClient() {
			return this.restClient.get().uri(url()).header("x-client", "restClient").retrieve().body(String.class);
		}

		@Traced(name = "restTemplate", kind = SpanKind.NETWORK)
		public String restTemplate() {
			var request = org.springframework.http.RequestEntity.get(URI.create(url()))
				.header("x-client", "restTemplate")
				.build();
			return this.restTemplate.exchange(request, String.class).getBody();
		}

		@Traced(name = "webClient", kind = SpanKind.NETWORK)
		public String webClient() {
			return this.webClient.get()
				.uri(url())
				.header("x-client", "webClient")
				.retrieve()
				.bodyToMono(String.class)
				.block();
		}

	}

	@RestController
	static class Downstream {

		final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

		private final DownstreamWork work;

		Downstream(DownstreamWork work) {
			this.work = work;
		}

		@GetMapping("/downstream")
		String downstream(@RequestHeader Map<String, String> headers) {
			this.received.add(headers);
			return "ok";
		}

		@GetMapping("/traced-downstream")
		String traced() {
			return this.work.work();
		}

	}

	static class DownstreamWork {

		@Traced(kind = SpanKind.TOOL)
		public String work() {
			return "ok";
		}

	}

}
