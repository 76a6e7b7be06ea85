package io.agenttracing.internal.trace;

import io.agenttracing.TraceData;

import io.agenttracing.SpanKind;

import io.agenttracing.Span;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ModelPricingTest {

	private final ModelPricing pricing = ModelPricing.builtIn();

	@Test
	void pricesInputOutputAndCachedInputPerMillionTokens() {
		// gpt-4o: 2.50 in, 10.00 out, 1.25 cached, per million tokens.
		assertThat(this.pricing.cost("gpt-4o", 1_000_000, 0, 0)).isEqualByComparingTo("2.5");
		assertThat(this.pricing.cost("gpt-4o", 1000, 500, 0)).isEqualByComparingTo("0.0075");
		assertThat(this.pricing.cost("gpt-4o", 1000, 0, 400)).isEqualByComparingTo("0.002");
	}

	@Test
	void aDatedOrProviderPrefixedNameTakesItsBaseModelsPrice() {
		assertThat(this.pricing.priceOf("gpt-4o-2024-08-06")).isEqualTo(this.pricing.priceOf("gpt-4o"));
		assertThat(this.pricing.priceOf("claude-sonnet-4-5-20250929"))
			.isEqualTo(this.pricing.priceOf("claude-sonnet-4-5"));
		assertThat(this.pricing.priceOf("openai/GPT-4o-mini")).isEqualTo(this.pricing.priceOf("gpt-4o-mini"));
		assertThat(this.pricing.priceOf("gpt-4o-mini")).isNotEqualTo(this.pricing.priceOf("gpt-4o"));
	}

	@Test
	void aModelWithoutAPriceGetsNoCostNotAGuess() {
		assertThat(this.pricing.cost("gpt-4o-audio-preview", 1000, 1000, 0)).isNull();
		assertThat(this.pricing.cost("my-fine-tune", 1000, 1000, 0)).isNull();
		assertThat(ModelPricing.none().cost("gpt-4o", 1000, 1000, 0)).isNull();
	}

	@Test
	void aPriceGivenReplacesTheBuiltInOne() {
		ModelPricing custom = this.pricing.with("GPT-4o", new ModelPricing.Price(1, 2, null));
		assertThat(custom.cost("gpt-4o-2024-08-06", 1_000_000, 1_000_000, 500_000))
			.isEqualByComparingTo(BigDecimal.valueOf(3));
		assertThat(this.pricing.cost("gpt-4o", 1_000_000, 0, 0)).isEqualByComparingTo("2.5");
	}

	@Test
	void aNegativePriceIsRejectedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ModelPricing.Price(-1, 2, null))
			.withMessage("input-per-million must be a price of zero or more, not -1.0");
	}

	@Test
	void anLlmSpanEndsWithTheCostOfItsModelAndTokens() {
		List<TraceData> traces = new ArrayList<>();
		RecordingTracer tracer = RecordingTracer.builder().sink((export) -> traces.add(export.snapshot())).build();
		for (String model : List.of("gpt-4o-mini", "local-llama")) {
			try (Span span = tracer.startSpan("chat " + model, SpanKind.LLM)) {
				span.setModel(model).setTokenUsage(1000, 1000);
			}
		}
		try (Span span = tracer.startSpan("tool", SpanKind.TOOL)) {
			span.setModel("gpt-4o-mini").setTokenUsage(1000, 1000);
		}
		assertThat(traces).extracting((trace) -> trace.spans().get(0).attribute(ModelPricing.COST_ATTRIBUTE))
			.containsExactly(0.00075, null, null);
		assertThat(traces.get(0).totalCost()).isEqualTo(0.00075);
		assertThat(traces.get(1).totalCost()).isNull();
		assertThat(traces.get(1).totalTokens()).isEqualTo(2000);
	}

	@Test
	void theTracesCostIsSummedWithoutFloatingPointNoise() {
		List<TraceData> traces = new ArrayList<>();
		RecordingTracer tracer = RecordingTracer.builder().sink((export) -> traces.add(export.snapshot())).build();
		try (Span root = tracer.startSpan("agent", SpanKind.AGENT)) {
			tracer.startSpan("first", SpanKind.LLM).setAttribute(Span.COST_ATTRIBUTE, 0.000001).close();
			tracer.startSpan("second", SpanKind.LLM).setAttribute(Span.COST_ATTRIBUTE, 0.0000023).close();
		}
		// As doubles, 0.000001 + 0.0000023 is 3.2999999999999997e-06.
		assertThat(traces.get(0).totalCost()).isEqualTo(0.0000033);
		assertThat(traces.get(0).toJson()).contains("\"totalCost\":3.3E-6");
	}

}
