package io.agenttracing.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.agenttracing.internal.trace.ModelPricing;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.Tracer;
import io.agenttracing.export.TraceExporter;
import io.agenttracing.internal.export.ExportPipeline;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PricingPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentTracingAutoConfiguration.class))
		.withPropertyValues("agent.tracing.exporters.console.enabled=false");

	@Test
	void pricesFromPropertiesGiveModelCallsTheirCost() {
		List<TraceData> exported = new ArrayList<>();
		this.runner.withPropertyValues("agent.tracing.pricing.models.house-model.input-per-million=1",
				"agent.tracing.pricing.models.house-model.output-per-million=3", "agent.tracing.pricing.built-in=false")
			.withBean("recording", TraceExporter.class, () -> exported::add)
			.run((context) -> {
				Tracer tracer = context.getBean(Tracer.class);
				for (String model : List.of("house-model", "gpt-4o")) {
					try (Span span = tracer.startSpan("chat", SpanKind.LLM)) {
						span.setModel(model).setTokenUsage(500_000, 1_000_000);
					}
				}
				context.getBean(ExportPipeline.class).flush(java.time.Duration.ofSeconds(5));
				assertThat(exported).extracting((trace) -> trace.spans().get(0).attribute(ModelPricing.COST_ATTRIBUTE))
					.containsExactly(3.5, null);
			});
	}

	@Test
	void aNegativePriceStopsStartupNamingTheProperty() {
		this.runner.withPropertyValues("agent.tracing.pricing.models.house-model.input-per-million=-2")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"agent.tracing.pricing.models.house-model: input-per-million must be a price of zero or more"));
	}

}
