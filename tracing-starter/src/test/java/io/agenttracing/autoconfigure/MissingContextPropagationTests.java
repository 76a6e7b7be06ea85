package io.agenttracing.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** An application that excluded context-propagation is told, once, what it loses. */
@ExtendWith(OutputCaptureExtension.class)
class MissingContextPropagationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentTracingAutoConfiguration.class));

	@Test
	void withoutContextPropagationStartupWarnsOnce(CapturedOutput output) {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.context")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output.getAll().split("context-propagation is not on the classpath", -1)).hasSize(2);
			assertThat(output.getAll())
				.contains("@Async methods, task executors, virtual threads or Reactor operators");
		});
	}

	@Test
	void withContextPropagationThereIsNoWarning(CapturedOutput output) {
		this.runner.run(
				(context) -> assertThat(output.getAll()).doesNotContain("context-propagation is not on the classpath"));
	}

}
