package io.agenttracing.integration.springai;

import io.agenttracing.autoconfigure.AgentTracingAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.tool.execution.DefaultToolExecutionExceptionProcessor;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SpringAiTracingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentTracingAutoConfiguration.class,
				SpringAiTracingAutoConfiguration.class, ObservationAutoConfiguration.class))
		.withPropertyValues("agent.tracing.exporters.console.enabled=false");

	@Test
	void registersTheObservationHandlerAndWrapsTheToolFailureProcessor(CapturedOutput output) {
		this.runner
			.withBean(ToolExecutionExceptionProcessor.class,
					() -> DefaultToolExecutionExceptionProcessor.builder().build())
			.run((context) -> {
				assertThat(context).hasSingleBean(TracingObservationHandler.class);
				assertThat(context.getBean(ToolExecutionExceptionProcessor.class))
					.isInstanceOf(ToolFailureRecorder.class);
			});
		assertThat(output).doesNotContain("no ObservationRegistry");
	}

	@Test
	void switchedOffByProperty() {
		this.runner.withPropertyValues("agent.tracing.integrations.spring-ai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TracingObservationHandler.class));
	}

	@Test
	void warnsOnceWhenTheApplicationHasNoObservationRegistry(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AgentTracingAutoConfiguration.class, SpringAiTracingAutoConfiguration.class))
			.withPropertyValues("agent.tracing.exporters.console.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).containsOnlyOnce("Spring AI is on the class path but the application has no "
				+ "ObservationRegistry, so its ChatClient, model and tool calls are not traced. Add "
				+ "spring-boot-starter-actuator");
	}

}
