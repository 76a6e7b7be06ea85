package io.agenttracing.sample;

import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import io.agenttracing.sample.agent.ChatWorkflow;
import io.agenttracing.test.CapturedTraces;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.agenttracing.test.TraceAssertions.assertThat;

/** What the agent did, asserted with the test kit as a user of the starter would. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.exporters.console.enabled=false", "sample.llm.simulated-latency=1ms" })
class AgentBehaviourTest {

	@Autowired
	ChatWorkflow workflow;

	@Autowired
	CapturedTraces traces;

	@Test
	void aFailingToolIsAnErrorInsideAnAnswerThatSucceeds() {
		this.workflow.handle("kit-1", "What is (12+3)*7, and the weather in Atlantis?");
		TraceData trace = this.traces.last();
		assertThat(trace).hasSession("kit-1").hasStatus(SpanStatus.OK);
		assertThat(trace).hasSpanNamed("WeatherTool.call")
			.ofKind(SpanKind.TOOL)
			.hasStatus(SpanStatus.ERROR)
			.hasParent("ResearchAgent.respond")
			.errorMessage()
			.contains("Atlantis");
		assertThat(trace).span("ResearchAgent.respond").hasChild("CalculatorTool.call").hasStatus(SpanStatus.OK);
		assertThat(trace).spans().ofKind(SpanKind.LLM).hasSize(2);
		assertThat(trace).spans().ofKind(SpanKind.MEMORY).named("ConversationMemory.load").hasSize(1);
		assertThat(trace).span("ChatWorkflow.handle").hasChild("ConversationMemory.save");
		assertThat(trace).totalTokens().isPositive().isLessThan(5_000);
		assertThat(trace).span("ChatWorkflow.handle").input("$.message").asString().contains("Atlantis");
	}

	@Test
	void aQuestionWithoutToolsCallsTheModelOnce() {
		this.workflow.handle("kit-2", "Tell me about tracing");
		assertThat(this.traces.last()).hasNoErrors().spans().ofKind(SpanKind.TOOL).isEmpty();
		assertThat(this.traces.last()).spans().ofKind(SpanKind.LLM).hasSize(1);
	}

}
