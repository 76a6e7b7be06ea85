package io.agenttracing.context;

import java.time.Duration;

import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.annotation.Traced;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.export.memory.TraceQuery;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Boot's own tracing on the Brave bridge running too, our traces join the current
 * Micrometer trace: same trace id, and the Micrometer span as parent.
 */
@SpringBootTest(classes = MicrometerTracingCoexistenceTest.Application.class,
		properties = { "agent.tracing.export.schedule-delay=10ms", "management.tracing.sampling.probability=0.1" })
class MicrometerTracingCoexistenceTest {

	@Autowired
	Tracer micrometer;

	@Autowired
	Agent agent;

	@Autowired
	InMemoryTraceExporter memory;

	@Autowired
	ExportPipeline pipeline;

	@Test
	void tracesJoinTheCurrentMicrometerSpan() {
		Span server = this.micrometer.nextSpan().name("http post /chat").start();
		try (Tracer.SpanInScope scope = this.micrometer.withSpan(server)) {
			this.agent.answer("hi");
		}
		finally {
			server.end();
		}
		assertThat(this.pipeline.flush(Duration.ofSeconds(5))).isTrue();
		TraceData trace = this.memory.findAll(TraceQuery.all()).get(0);
		String micrometerTraceId = server.context().traceId();
		assertThat(trace.traceId()).endsWith(micrometerTraceId).hasSize(32);
		SpanData root = trace.span("Agent.answer");
		assertThat(root.parentId()).isEqualTo(server.context().spanId());
		assertThat(trace.span("Agent.tool").parentId()).isEqualTo(root.spanId());
	}

	@Test
	void withoutAMicrometerSpanTracesStartOnTheirOwn() {
		this.memory.clear();
		this.agent.answer("alone");
		assertThat(this.pipeline.flush(Duration.ofSeconds(5))).isTrue();
		TraceData trace = this.memory.findAll(TraceQuery.all()).get(0);
		assertThat(trace.span("Agent.answer").parentId()).isNull();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Agent.class, Tool.class })
	static class Application {

	}

	static class Agent {

		private final Tool tool;

		Agent(Tool tool) {
			this.tool = tool;
		}

		@Traced(kind = SpanKind.AGENT)
		public String answer(String question) {
			return this.tool.tool(question);
		}

	}

	static class Tool {

		@Traced(name = "Agent.tool", kind = SpanKind.TOOL)
		public String tool(String question) {
			return question;
		}

	}

}
