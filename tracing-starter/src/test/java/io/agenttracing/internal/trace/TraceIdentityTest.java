package io.agenttracing.internal.trace;

import io.agenttracing.TraceContext;

import io.agenttracing.Tracing;

import io.agenttracing.TraceData;

import io.agenttracing.SpanKind;

import io.agenttracing.Span;

import java.util.List;
import java.util.Map;

import io.agenttracing.annotation.SessionId;
import io.agenttracing.annotation.Traced;
import io.agenttracing.annotation.UserId;
import io.agenttracing.internal.context.W3CTraceContext;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.export.memory.TraceQuery;
import io.agenttracing.export.semconv.AttributeConventions;
import io.agenttracing.testing.TracingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who a trace served and what it is about: user, session name and tags. */
class TraceIdentityTest {

	private final TracingFixture fixture = new TracingFixture(1024, List.of());

	@BeforeEach
	void install() {
		Tracing.install(this.fixture.tracer());
	}

	@AfterEach
	void uninstall() {
		Tracing.uninstall(this.fixture.tracer());
		this.fixture.close();
	}

	@Test
	void userSessionNameAndTagsAreSetFromTracingAndExported() {
		String baggage;
		try (Span span = Tracing.startSpan("Agent.run", SpanKind.AGENT)) {
			Tracing.setUserId("user-7");
			Tracing.setSessionName("Trip to Rome");
			Tracing.addTags("beta", "travel");
			Tracing.addTags("beta", "a,b ");
			baggage = W3CTraceContext.baggage(Tracing.currentTrace());
		}
		TraceData trace = this.fixture.traces().get(0);
		assertThat(trace.userId()).isEqualTo("user-7");
		assertThat(trace.sessionName()).isEqualTo("Trip to Rome");
		assertThat(trace.tags()).containsExactly("beta", "travel", "a b");
		assertThat(baggage).contains("user.id=user-7")
			.contains("session.name=Trip%20to%20Rome")
			.contains("trace.tags=beta%2Ctravel%2Ca%20b");

		Map<String, Object> summary = summaryOf(trace);
		assertThat(summary).containsEntry("userId", "user-7")
			.containsEntry("sessionName", "Trip to Rome")
			.containsEntry("tags", List.of("beta", "travel", "a b"));
		Map<String, Object> exported = AttributeConventions.DEFAULT.attributes(trace.spans().get(0), trace);
		assertThat(exported).containsEntry("user.id", "user-7")
			.containsEntry("session.name", "Trip to Rome")
			.containsEntry("tag.tags", List.of("beta", "travel", "a b"));
	}

	@Test
	void aUserIdParameterSetsTheUserOfTheTrace() {
		Assistant assistant = this.fixture.proxy(new Assistant());
		assistant.answer("s-1", "user-9", "Hello");
		TraceData trace = this.fixture.traces().get(0);
		assertThat(trace.userId()).isEqualTo("user-9");
		assertThat(trace.sessionId()).isEqualTo("s-1");
	}

	@Test
	void aServiceContinuingTheTraceKeepsItsUserAndTags() {
		RemoteParent remote = W3CTraceContext.extract(
				List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), List.of(),
				List.of("user.id=user-3,trace.tags=beta%2Ctravel"));
		TraceContext trace = this.fixture.tracer().continueTrace(remote, null);
		assertThat(trace.userId()).isEqualTo("user-3");
		assertThat(trace.tags()).containsExactly("beta", "travel");
	}

	@Test
	void theStoreFindsTracesByUserAndTag() {
		InMemoryTraceExporter store = new InMemoryTraceExporter(10);
		for (String user : List.of("ana", "bo")) {
			try (Span span = Tracing.startSpan("Agent.run", SpanKind.AGENT)) {
				Tracing.setUserId(user);
				Tracing.addTags(user.equals("ana") ? "beta" : "stable");
			}
		}
		this.fixture.traces().forEach(store::export);
		assertThat(store.findAll(new TraceQuery(null, null, null, 10, null, null, "ana", null)))
			.extracting(TraceData::userId)
			.containsExactly("ana");
		assertThat(store.findAll(new TraceQuery(null, null, null, 10, null, null, null, "stable")))
			.extracting(TraceData::userId)
			.containsExactly("bo");
		assertThat(store.findAll(new TraceQuery(null, null, null, 10, "AGENT.RUN", true, null, null))).isEmpty();
		assertThat(store.findAll(new TraceQuery(null, null, null, 10, "agent.run", false, null, null))).hasSize(2);
	}

	static class Assistant {

		@Traced(kind = SpanKind.AGENT)
		public String answer(@SessionId String session, @UserId String user, String question) {
			return "Hi";
		}

	}

	/** The trace's entry in the endpoint's list, as the endpoint writes it. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> summaryOf(TraceData trace) {
		Map<String, Object> list = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readValue(TraceData.toListJson(List.of(trace)), Map.class);
		return ((List<Map<String, Object>>) list.get("traces")).get(0);
	}

}
