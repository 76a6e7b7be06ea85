package io.agenttracing.internal.annotation;

import io.agenttracing.annotation.SessionId;
import io.agenttracing.annotation.SpanAttribute;
import io.agenttracing.annotation.Traced;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.agenttracing.internal.trace.CurrentContext;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import io.agenttracing.Tracing;
import io.agenttracing.testing.TracingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TracedMethodInterceptorTest {

	private final TracingFixture fixture = new TracingFixture(64, List.of("password", "api-key", "token"));

	@AfterEach
	void close() {
		this.fixture.close();
		assertThat(CurrentContext.get()).isNull();
	}

	private <T> T proxy(T target) {
		return this.fixture.proxy(target);
	}

	private List<TraceData> traces() {
		return this.fixture.traces();
	}

	private TraceData onlyTrace() {
		List<TraceData> traces = traces();
		assertThat(traces).hasSize(1);
		return traces.get(0);
	}

	@Test
	void nestedTracedCallsFormOneTraceWithDefaultNamesAndKinds() {
		Agent agent = proxy(new Agent(proxy(new Tools())));
		assertThat(agent.run("2+2")).isEqualTo("answer: 4");
		TraceData trace = onlyTrace();
		assertThat(trace.name()).isEqualTo("Agent.run");
		assertThat(trace.kind()).isEqualTo(SpanKind.AGENT);
		assertThat(trace.status()).isEqualTo(SpanStatus.OK);
		SpanData root = trace.span("Agent.run");
		SpanData tool = trace.span("calculator");
		assertThat(root.parentId()).isNull();
		assertThat(tool.parentId()).isEqualTo(root.spanId());
		assertThat(tool.kind()).isEqualTo(SpanKind.TOOL);
		assertThat(tool.status()).isEqualTo(SpanStatus.OK);
		assertThat(tool.attributes()).containsEntry("tool.version", "2").containsEntry("expression", "2+2");
		assertThat(tool.input()).isEqualTo("{\"expression\":\"2+2\"}");
		assertThat(tool.output()).isEqualTo("4");
		assertThat(root.input()).isEqualTo("{\"question\":\"2+2\"}");
		assertThat(root.output()).isEqualTo("\"answer: 4\"");
		assertThat(root.durationNanos()).isGreaterThanOrEqualTo(tool.durationNanos());
	}

	@Test
	void exceptionIsRecordedAndRethrownUnchanged() {
		IllegalStateException failure = new IllegalStateException("Atlantis has no weather station");
		Tools tools = proxy(new Tools());
		assertThatThrownBy(() -> tools.fail(failure)).isSameAs(failure);
		SpanData span = onlyTrace().spans().get(0);
		assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
		assertThat(span.error().type()).isEqualTo(IllegalStateException.class.getName());
		assertThat(span.error().message()).isEqualTo("Atlantis has no weather station");
		assertThat(span.events()).extracting("name").containsExactly("exception");
	}

	@Test
	void errorsThatAreNotExceptionsAreRecordedToo() {
		Tools tools = proxy(new Tools());
		AssertionError error = new AssertionError("boom");
		assertThatThrownBy(() -> tools.fail(error)).isSameAs(error);
		assertThat(onlyTrace().status()).isEqualTo(SpanStatus.ERROR);
	}

	@Test
	void secretsAreRedactedAndLongValuesTruncated() {
		Tools tools = proxy(new Tools());
		tools.login("alice", "hunter2", new java.util.TreeMap<>(Map.of("apiKey", "sk-123", "model", "gpt")));
		tools.echo("x".repeat(500));
		List<TraceData> traces = traces();
		SpanData login = traces.stream()
			.filter((t) -> t.name().equals("Tools.login"))
			.findFirst()
			.orElseThrow()
			.spans()
			.get(0);
		assertThat(login.input()).isEqualTo(
				"{\"user\":\"alice\",\"password\":\"[REDACTED]\",\"options\":{\"apiKey\":\"[REDACTED]\",\"model\":\"gpt\"}}")
			.doesNotContain("hunter2", "sk-123");
		SpanData echo = traces.stream()
			.filter((t) -> t.name().equals("Tools.echo"))
			.findFirst()
			.orElseThrow()
			.spans()
			.get(0);
		assertThat(echo.output()).startsWith("\"" + "x".repeat(64) + "...[truncated 436 chars]\"");
	}

	@Test
	void argumentsJacksonCannotWriteBecomePlaceholdersAndTheCallSucceeds() {
		Tools tools = proxy(new Tools());
		Node cycle = new Node();
		cycle.next = cycle;
		InputStream stream = new ByteArrayInputStream(new byte[] { 1, 2, 3 });
		Supplier<String> lambda = () -> "lazy";
		assertThat(tools.awkward(cycle, stream, lambda, new ThrowingGetter())).isEqualTo(3);
		SpanData span = onlyTrace().spans().get(0);
		assertThat(span.status()).isEqualTo(SpanStatus.OK);
		// Each argument is cut at this fixture's 64 characters; CaptureAtDepthTest reads
		// them whole.
		assertThat(span.input()).contains("\"cycle\":\"{\\\"next\\\":\\\"<cycle ")
			.contains("\"stream\":\"<java.io.ByteArrayInputStream>\"")
			.contains("\"supplier\":\"\\\"<lambda ")
			.contains("\"bean\":\"\\\"<" + ThrowingGetter.class.getName().substring(0, 20));
	}

	@Test
	void classLevelAnnotationTracesPublicMethodsOnly() {
		Memory memory = proxy(new Memory());
		memory.load("s1");
		assertThat(memory.internalHelper()).isEqualTo("helper");
		List<TraceData> traces = traces();
		assertThat(traces).extracting(TraceData::name).containsExactly("Memory.load");
		assertThat(traces.get(0).kind()).isEqualTo(SpanKind.MEMORY);
	}

	@Test
	void sessionIdParameterAppearsOnEverySpan() {
		Memory memory = proxy(new Memory());
		memory.load("session-42");
		TraceData trace = onlyTrace();
		assertThat(trace.sessionId()).isEqualTo("session-42");
		assertThat(trace.spans()).extracting(SpanData::sessionId).containsOnly("session-42");
	}

	@Test
	void completionStageEndsTheSpanWhenItCompletes() {
		Tools tools = proxy(new Tools());
		CompletableFuture<String> pending = new CompletableFuture<>();
		CompletionStage<String> returned = tools.later(pending);
		assertThat(returned).isSameAs(pending);
		assertThat(CurrentContext.get()).isNull();
		assertThat(traces()).isEmpty();
		pending.complete("done");
		await().untilAsserted(() -> assertThat(traces()).hasSize(1));
		SpanData span = onlyTrace().spans().get(0);
		assertThat(span.status()).isEqualTo(SpanStatus.OK);
		assertThat(span.output()).isEqualTo("\"done\"");
	}

	@Test
	void completionStageFailureOrCancellationMarksTheSpanAsError() {
		Tools tools = proxy(new Tools());
		CompletableFuture<String> failing = new CompletableFuture<>();
		tools.later(failing);
		failing
			.completeExceptionally(new java.util.concurrent.CompletionException(new IllegalArgumentException("bad")));
		CompletableFuture<String> cancelled = new CompletableFuture<>();
		tools.later(cancelled);
		cancelled.cancel(true);
		await().untilAsserted(() -> assertThat(traces()).hasSize(2));
		assertThat(traces()).allSatisfy((trace) -> assertThat(trace.status()).isEqualTo(SpanStatus.ERROR));
		assertThat(traces()).extracting((trace) -> trace.spans().get(0).error().type())
			.containsExactlyInAnyOrder(IllegalArgumentException.class.getName(),
					java.util.concurrent.CancellationException.class.getName());
	}

	@Test
	void completableFutureSubclassIsAwaitedToo() {
		Tools tools = proxy(new Tools());
		MyFuture future = new MyFuture();
		assertThat(tools.subclassed(future)).isSameAs(future);
		assertThat(traces()).isEmpty();
		future.complete(7);
		await().untilAsserted(() -> assertThat(traces()).hasSize(1));
	}

	@Test
	void pooledThreadKeepsNoContextAfterOutermostCall() throws Exception {
		Tools tools = proxy(new Tools());
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			List<String> traceIds = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				traceIds.add(pool.submit(() -> {
					tools.echo("call");
					return Tracing.currentTraceId() == null ? "clean" : "leaked";
				}).get());
			}
			assertThat(traceIds).containsOnly("clean");
			assertThat(pool.submit(CurrentContext::get).get()).isNull();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(traces()).hasSize(3).extracting(TraceData::traceId).doesNotHaveDuplicates();
	}

	@Test
	void programmaticSpanApiAddsToTheCurrentSpan() {
		Tools tools = proxy(new Tools());
		tools.llm("hello");
		SpanData span = onlyTrace().spans().get(0);
		assertThat(span.attributes()).containsEntry("gen_ai.request.model", "sim-1")
			.containsEntry("gen_ai.usage.input_tokens", 5L)
			.containsEntry("gen_ai.usage.output_tokens", 7L);
		assertThat(span.signals()).extracting("name").containsExactly("cost");
		assertThat(span.events()).extracting("name").containsExactly("first-token");
	}

	@Test
	void captureSwitchesOnTheAnnotationAreHonoured() {
		Tools tools = proxy(new Tools());
		tools.quiet("secret prompt");
		SpanData span = onlyTrace().spans().get(0);
		assertThat(span.input()).isNull();
		assertThat(span.output()).isNull();
	}

	static class Agent {

		Tools tools;

		Agent(Tools tools) {
			this.tools = tools;
		}

		@Traced(kind = SpanKind.AGENT)
		public String run(String question) {
			return "answer: " + this.tools.calculate(question);
		}

	}

	static class Tools {

		@Traced(name = "calculator", kind = SpanKind.TOOL, attributes = { "tool.version=2", "broken" })
		public int calculate(@SpanAttribute String expression) {
			String[] parts = expression.split("\\+");
			return Integer.parseInt(parts[0]) + Integer.parseInt(parts[1]);
		}

		@Traced(kind = SpanKind.TOOL)
		public String fail(Throwable error) throws Throwable {
			throw error;
		}

		@Traced
		public void login(String user, String password, Map<String, String> options) {
		}

		@Traced
		public String echo(String text) {
			return text;
		}

		@Traced
		public int awkward(Node cycle, InputStream stream, Supplier<String> supplier, ThrowingGetter bean) {
			return 3;
		}

		@Traced(kind = SpanKind.LLM)
		public CompletionStage<String> later(CompletableFuture<String> future) {
			return future;
		}

		@Traced
		public MyFuture subclassed(MyFuture future) {
			return future;
		}

		@Traced(kind = SpanKind.LLM)
		public String llm(String prompt) {
			Tracing.currentSpan()
				.setModel("sim-1")
				.setTokenUsage(5, 7)
				.addSignal("cost", 0.001)
				.addEvent("first-token");
			return "hi";
		}

		@Traced(captureInput = false, captureOutput = false)
		public String quiet(String prompt) {
			return "ok";
		}

	}

	@Traced(kind = SpanKind.MEMORY)
	static class Memory {

		public List<String> load(@SessionId String sessionId) {
			return List.of();
		}

		protected String internalHelper() {
			return "helper";
		}

	}

	static class Node {

		public Node next;

	}

	static class ThrowingGetter {

		public String getValue() {
			throw new IllegalStateException("getter fails");
		}

	}

	static class MyFuture extends CompletableFuture<Integer> {

	}

}
