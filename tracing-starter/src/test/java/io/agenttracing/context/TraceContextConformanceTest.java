package io.agenttracing.context;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceContext;
import io.agenttracing.TraceData;
import io.agenttracing.Tracing;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * W3C Trace Context Level 2 over real HTTP, with headers repeated as a real client can
 * send them, and a span of kind NETWORK for every outgoing call of Boot's three HTTP
 * clients.
 */
@SpringBootTest(classes = TraceContextConformanceTest.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.export.schedule-delay=10ms",
				"spring.autoconfigure.exclude=" + HttpPropagationTest.BRAVE })
class TraceContextConformanceTest {

	static final String TRACE = "12345678901234567890123456789012";

	static final String PARENT = "1234567890123456";

	@LocalServerPort
	int port;

	@Autowired
	Capture capture;

	@Autowired
	InMemoryTraceExporter memory;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void clear() {
		this.capture.received.clear();
		this.memory.clear();
	}

	/** Calls {@code path} with the headers, each pair sent as its own header line. */
	private HttpResponse<String> call(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	/** The headers the single downstream call of {@code /agent?calls=1} carried. */
	private Map<String, String> forwarded(String... headers) throws Exception {
		call("/agent?calls=1", headers);
		assertThat(this.capture.received).hasSize(1);
		return this.capture.received.get(0);
	}

	private TraceData trace(String traceId, int spans) {
		return await().until(() -> this.memory.findById(traceId).orElse(null),
				(trace) -> trace != null && trace.spans().size() >= spans);
	}

	private static String members(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj((i) -> "bar" + i + "=" + i).collect(Collectors.joining(","));
	}

	@Test
	void repeatedTracestateHeadersAreCombinedInOrderAndEmptyOnesAddNothing() throws Exception {
		Map<String, String> headers = forwarded("traceparent", "00-" + TRACE + "-" + PARENT + "-00", "tracestate",
				"foo=1,bar=2", "tracestate", "", "tracestate", "rojo=1, \t congo=2", "tracestate", "baz=3");
		assertThat(headers.get("traceparent")).startsWith("00-" + TRACE + "-");
		assertThat(headers.get("tracestate")).isEqualTo("foo=1,bar=2,rojo=1,congo=2,baz=3");
	}

	@Test
	void thirtyTwoMembersPassAndThirtyThreeAreDiscarded() throws Exception {
		assertThat(forwarded("traceparent", "00-" + TRACE + "-" + PARENT + "-01", "tracestate", members(1, 20),
				"tracestate", members(21, 32))
			.get("tracestate")).isEqualTo(members(1, 32));
		this.capture.received.clear();
		Map<String, String> tooMany = forwarded("traceparent", "00-" + TRACE + "-" + PARENT + "-01", "tracestate",
				members(1, 20), "tracestate", members(21, 33));
		assertThat(tooMany.get("traceparent")).startsWith("00-" + TRACE + "-");
		assertThat(tooMany).doesNotContainKey("tracestate");
	}

	@Test
	void aKeyThatComesAgainKeepsItsFirstMember() throws Exception {
		assertThat(forwarded("traceparent", "00-" + TRACE + "-" + PARENT + "-01", "tracestate", "foo=1,bar=2",
				"tracestate", "foo=3")
			.get("tracestate")).isEqualTo("foo=1,bar=2");
	}

	@Test
	void keysAndValuesFollowTheGrammarOrTheWholeTracestateIsDiscarded() throws Exception {
		String tenantKey = "t".repeat(241) + "@" + "v".repeat(14);
		assertThat(forwarded("traceparent", "00-" + TRACE + "-" + PARENT + "-01", "tracestate", "foo=1", "tracestate",
				"z".repeat(256) + "=1," + tenantKey + "=2")
			.get("tracestate")).isEqualTo("foo=1," + "z".repeat(256) + "=1," + tenantKey + "=2");
		// As the official harness checks them: '@' anywhere after the first character,
		// any
		// split of the 256 characters between tenant and vendor.
		for (String valid : List.of("t".repeat(242) + "@v=1", "t@" + "v".repeat(15) + "=1", "foo@=1", "foo@bar@baz=1",
				"foo@@bar=1", "1tenant=1")) {
			this.capture.received.clear();
			assertThat(forwarded("traceparent", "00-" + TRACE + "-" + PARENT + "-01", "tracestate", "ok=1",
					"tracestate", valid)
				.get("tracestate")).as(valid).isEqualTo("ok=1," + valid);
		}
		for (String invalid : List.of("z".repeat(257) + "=1", "FOO=1", "foo.bar=1", "foo =1", "@foo=1", "foo=bar=baz",
				"foo=")) {
			this.capture.received.clear();
			Map<String, String> headers = forwarded("traceparent", "00-" + TRACE + "-" + PARENT + "-01", "tracestate",
					"ok=1", "tracestate", invalid);
			assertThat(headers.get("traceparent")).as(invalid).startsWith("00-" + TRACE + "-");
			assertThat(headers).as(invalid).doesNotContainKey("tracestate");
		}
	}

	@Test
	void repeatedTraceparentHeadersStartANewTrace() throws Exception {
		Map<String, String> headers = forwarded("traceparent", "00-12345678901234567890123456789011-" + PARENT + "-01",
				"traceparent", "00-" + TRACE + "-" + PARENT + "-01", "tracestate", "foo=1");
		assertThat(headers.get("traceparent")).doesNotContain(TRACE).doesNotContain("12345678901234567890123456789011");
		assertThat(headers).doesNotContainKey("tracestate");
	}

	@Test
	void theRandomFlagIsKeptAndTheSampledFlagIsOurOwn() throws Exception {
		assertThat(forwarded("traceparent", "00-" + TRACE + "-" + PARENT + "-02").get("traceparent")).endsWith("-03");
		this.capture.received.clear();
		assertThat(forwarded("traceparent", "00-" + TRACE + "-" + PARENT + "-00").get("traceparent")).endsWith("-01");
		this.capture.received.clear();
		// A trace of our own has a random id, and says so.
		assertThat(forwarded().get("traceparent")).endsWith("-03");
	}

	@Test
	void eachOutgoingCallIsANetworkSpanWhoseIdIsTheParentItSends() throws Exception {
		HttpResponse<String> response = call("/agent?calls=3", "traceparent", "00-" + TRACE + "-" + PARENT + "-01");
		assertThat(response.body()).isEqualTo("ok,ok,ok");
		List<String> parentIds = new ArrayList<>();
		this.capture.received.forEach((headers) -> parentIds.add(headers.get("traceparent").substring(36, 52)));
		assertThat(parentIds).hasSize(3).doesNotHaveDuplicates();
		TraceData trace = trace(TRACE, 4);
		SpanData agent = trace.span("Agent.run");
		for (String parentId : parentIds) {
			SpanData span = trace.spans().stream().filter((s) -> s.spanId().equals(parentId)).findFirst().orElseThrow();
			assertThat(span.kind()).isEqualTo(SpanKind.NETWORK);
			assertThat(span.name()).isEqualTo("GET 127.0.0.1");
			assertThat(span.parentId()).isEqualTo(agent.spanId());
			assertThat(span.status()).isEqualTo(SpanStatus.OK);
			assertThat(span.attributes()).containsEntry("http.request.method", "GET")
				.containsEntry("server.address", "127.0.0.1")
				.containsEntry("server.port", this.port)
				.containsEntry("url.full", "http://127.0.0.1:" + this.port + "/capture")
				.containsEntry("http.response.status_code", 200);
		}
	}

	@Test
	void anUntracedControllerCallsOutWithinItsRequestsTrace() throws Exception {
		HttpResponse<String> response = call("/untraced");
		String traceId = response.headers().firstValue("traceresponse").orElseThrow().substring(3, 35);
		assertThat(this.capture.received).hasSize(3);
		assertThat(this.capture.received).extracting((headers) -> headers.get("traceparent").substring(3, 35))
			.containsOnly(traceId);
		TraceData trace = trace(traceId, 3);
		assertThat(trace.spans()).extracting(SpanData::name)
			.containsExactlyInAnyOrder("GET 127.0.0.1", "GET 127.0.0.1", "GET 127.0.0.1");
		assertThat(trace.spans()).extracting(SpanData::kind).containsOnly(SpanKind.NETWORK);
	}

	@Test
	void failedCallsAreErrorsAndClientErrorsAreTheServersAnswer() throws Exception {
		HttpResponse<String> response = call("/failing");
		String traceId = response.headers().firstValue("traceresponse").orElseThrow().substring(3, 35);
		TraceData trace = trace(traceId, 4);
		Map<Object, SpanData> byStatusCode = new java.util.HashMap<>();
		SpanData refused = null;
		for (SpanData span : trace.spans()) {
			if (span.kind() != SpanKind.NETWORK) {
				continue;
			}
			Object code = span.attributes().get("http.response.status_code");
			if (code != null) {
				byStatusCode.put(code, span);
			}
			else {
				refused = span;
			}
		}
		assertThat(byStatusCode.get(503).status()).isEqualTo(SpanStatus.ERROR);
		assertThat(byStatusCode.get(503).attributes()).containsEntry("error.type", "503");
		assertThat(byStatusCode.get(404).status()).isEqualTo(SpanStatus.OK);
		assertThat(refused).isNotNull();
		assertThat(refused.status()).isEqualTo(SpanStatus.ERROR);
		assertThat(refused.attributes()).containsKey("error.type");
		assertThat(refused.attributes().get("url.full")).isEqualTo("http://127.0.0.1:1/nothing");
	}

	@Test
	void sessionTracestateAndUserBaggageTravelAcrossTwoServices() throws Exception {
		call("/relay", "traceparent", "00-" + TRACE + "-" + PARENT + "-01", "tracestate", "vendor=abc", "baggage",
				"session.id=chat%207", "baggage", "tenant=acme");
		// The second service (/hop) received the first's call and made its own: what
		// reaches /capture has crossed two services.
		assertThat(this.capture.received).hasSize(1);
		Map<String, String> headers = this.capture.received.get(0);
		assertThat(headers.get("traceparent")).startsWith("00-" + TRACE + "-");
		assertThat(headers.get("tracestate")).isEqualTo("vendor=abc");
		assertThat(headers.get("baggage").split(",")).containsExactlyInAnyOrder("session.id=chat%207", "tenant=acme",
				"user.id=u-7");
		TraceContext hop = this.capture.hopTrace;
		assertThat(hop.sessionId()).isEqualTo("chat 7");
		assertThat(hop.baggage()).containsEntry("user.id", "u-7").containsEntry("tenant", "acme");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Endpoints.class, Agent.class, Capture.class })
	static class Application {

	}

	@RestController
	static class Capture {

		final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

		volatile TraceContext hopTrace;

		@GetMapping("/capture")
		String capture(@RequestHeader Map<String, String> headers) {
			this.received.add(headers);
			return "ok";
		}

		@GetMapping("/status")
		ResponseEntity<String> status(@RequestParam int code) {
			return ResponseEntity.status(HttpStatus.valueOf(code)).body("status " + code);
		}

	}

	static class Agent {

		private final RestClient restClient;

		private final Environment environment;

		Agent(RestClient.Builder restClient, Environment environment) {
			this.restClient = restClient.build();
			this.environment = environment;
		}

		@Traced
		public String run(int calls) {
			List<String> answers = new ArrayList<>();
			// User info and query hold secrets and ids: url.full leaves both out.
			String base = "http://user:secret@127.0.0.1:" + this.environment.getProperty("local.server.port");
			for (int i = 0; i < calls; i++) {
				answers.add(this.restClient.get()
					.uri(base + "/capture?call=" + i + "&token=t0k")
					.retrieve()
					.body(String.class));
			}
			return String.join(",", answers);
		}

	}

	@RestController
	static class Endpoints {

		private final Agent agent;

		private final Capture capture;

		private final RestClient restClient;

		private final RestTemplate restTemplate;

		private final WebClient webClient;

		private final Environment environment;

		Endpoints(Agent agent, Capture capture, RestClient.Builder restClient, RestTemplateBuilder restTemplate,
				WebClient.Builder webClient, Environment environment) {
			this.agent = agent;
			this.capture = capture;
			this.restClient = restClient.build();
			this.restTemplate = restTemplate.build();
			this.webClient = webClient.build();
			this.environment = environment;
		}

		private String url(String path) {
			return "http://127.0.0.1:" + this.environment.getProperty("local.server.port") + path;
		}

		@GetMapping("/agent")
		String agent(@RequestParam int calls) {
			return this.agent.run(calls);
		}

		/** No traced method: the calls belong to the request's trace alone. */
		@GetMapping("/untraced")
		String untraced() {
			return this.restClient.get().uri(url("/capture")).retrieve().body(String.class)
					+ this.restTemplate.getForObject(url("/capture"), String.class)
					+ this.webClient.get().uri(url("/capture")).retrieve().bodyToMono(String.class).block();
		}

		@GetMapping("/failing")
		String failing() {
			assertThatThrownBy(() -> this.restClient.get().uri(url("/status?code=503")).retrieve().body(String.class))
				.hasMessageContaining("503");
			assertThatThrownBy(
					() -> this.webClient.get().uri(url("/status?code=404")).retrieve().bodyToMono(String.class).block())
				.hasMessageContaining("404");
			assertThatThrownBy(() -> this.restTemplate.getForObject("http://127.0.0.1:1/nothing", String.class))
				.isNotNull();
			return this.restClient.get().uri(url("/capture")).retrieve().body(String.class);
		}

		/** The first service: adds a user to the baggage and calls the second. */
		@GetMapping("/relay")
		String relay() {
			Tracing.setBaggage("user.id", "u-7");
			return this.restClient.get().uri(url("/hop")).retrieve().body(String.class);
		}

		/** The second service: calls a third with what it received. */
		@GetMapping("/hop")
		String hop() {
			this.capture.hopTrace = Tracing.currentTrace();
			return this.restClient.get().uri(url("/capture")).retrieve().body(String.class);
		}

	}

}
