package io.agenttracing.internal.trace;

import io.agenttracing.Span;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Prices of model calls in US dollars per million tokens, keyed by model name, from which
 * an LLM span's cost ({@value #COST_ATTRIBUTE}) is computed when it ends. A model without
 * a price gets no cost rather than a guessed one. A name with a date or version suffix
 * ({@code gpt-4o-2024-08-06}, {@code claude-sonnet-4-5-20250929}, {@code -latest}) takes
 * the price of its base name; no other prefix matches.
 */
public final class ModelPricing {

	/** The span attribute that holds a model call's cost in US dollars. */
	public static final String COST_ATTRIBUTE = Span.COST_ATTRIBUTE;

	/** The span attribute that holds the input tokens read from the provider's cache. */
	public static final String CACHED_INPUT_TOKENS_ATTRIBUTE = Span.CACHED_INPUT_TOKENS_ATTRIBUTE;

	/** The day the prices of {@link #builtIn()} were read off the providers' pages. */
	public static final String BUILT_IN_PRICES_READ_ON = "2025-10-01";

	private static final ModelPricing NONE = new ModelPricing(Map.of());

	private static final ModelPricing BUILT_IN = new ModelPricing(builtInPrices());

	private static final Pattern VERSION_SUFFIX = Pattern
		.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|\\d{4}|latest|v\\d+(:\\d+)?|\\d{3})$");

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final Map<String, Price> prices;

	private ModelPricing(Map<String, Price> prices) {
		this.prices = Map.copyOf(prices);
	}

	/** No prices: no span gets a cost. */
	public static ModelPricing none() {
		return NONE;
	}

	/**
	 * A small table of common OpenAI, Anthropic, Google and Mistral models, with prices
	 * read on {@value #BUILT_IN_PRICES_READ_ON}. Prices change: override them with
	 * {@link #with} (or {@code agent.tracing.pricing.models.*}).
	 */
	public static ModelPricing builtIn() {
		return BUILT_IN;
	}

	/**
	 * This table with {@code model} priced at {@code price}, replacing any price it had.
	 */
	public ModelPricing with(String model, Price price) {
		Map<String, Price> copy = new LinkedHashMap<>(this.prices);
		copy.put(model.toLowerCase(Locale.ROOT), price);
		return new ModelPricing(copy);
	}

	/** The prices by model name, lower case. */
	public Map<String, Price> prices() {
		return this.prices;
	}

	/** The price of {@code model}, or {@code null} when it has none. */
	public @Nullable Price priceOf(String model) {
		String name = model.toLowerCase(Locale.ROOT);
		Price price = this.prices.get(name);
		// A provider prefix ("openai/gpt-4o") names the same model.
		int slash = name.lastIndexOf('/');
		if (price == null && slash >= 0) {
			name = name.substring(slash + 1);
			price = this.prices.get(name);
		}
		while (price == null && VERSION_SUFFIX.matcher(name).find()) {
			name = VERSION_SUFFIX.matcher(name).replaceFirst("");
			price = this.prices.get(name);
		}
		return price;
	}

	/**
	 * The cost of a call in US dollars, or {@code null} when the model has no price.
	 * Cached input tokens are part of the input tokens, as providers report them.
	 */
	public @Nullable BigDecimal cost(String model, long inputTokens, long outputTokens, long cachedInputTokens) {
		Price price = priceOf(model);
		return (price != null) ? price.cost(inputTokens, outputTokens, cachedInputTokens) : null;
	}

	private static Map<String, Price> builtInPrices() {
		Map<String, Price> prices = new LinkedHashMap<>();
		prices.put("gpt-4o", new Price(2.50, 10.00, 1.25));
		prices.put("gpt-4o-mini", new Price(0.15, 0.60, 0.075));
		prices.put("gpt-4.1", new Price(2.00, 8.00, 0.50));
		prices.put("gpt-4.1-mini", new Price(0.40, 1.60, 0.10));
		prices.put("gpt-4.1-nano", new Price(0.10, 0.40, 0.025));
		prices.put("gpt-5", new Price(1.25, 10.00, 0.125));
		prices.put("gpt-5-mini", new Price(0.25, 2.00, 0.025));
		prices.put("gpt-5-nano", new Price(0.05, 0.40, 0.005));
		prices.put("o3", new Price(2.00, 8.00, 0.50));
		prices.put("o4-mini", new Price(1.10, 4.40, 0.275));
		prices.put("text-embedding-3-small", new Price(0.02, 0, null));
		prices.put("text-embedding-3-large", new Price(0.13, 0, null));
		prices.put("claude-opus-4-1", new Price(15.00, 75.00, 1.50));
		prices.put("claude-sonnet-4-5", new Price(3.00, 15.00, 0.30));
		prices.put("claude-sonnet-4", new Price(3.00, 15.00, 0.30));
		prices.put("claude-haiku-4-5", new Price(1.00, 5.00, 0.10));
		prices.put("claude-3-5-haiku", new Price(0.80, 4.00, 0.08));
		prices.put("gemini-2.5-pro", new Price(1.25, 10.00, 0.31));
		prices.put("gemini-2.5-flash", new Price(0.30, 2.50, 0.075));
		prices.put("gemini-2.5-flash-lite", new Price(0.10, 0.40, 0.025));
		prices.put("mistral-large", new Price(2.00, 6.00, null));
		prices.put("mistral-small", new Price(0.10, 0.30, null));
		return prices;
	}

	/**
	 * What a model charges, in US dollars per million tokens.
	 *
	 * @param inputPerMillion price of input (prompt) tokens
	 * @param outputPerMillion price of output (completion) tokens
	 * @param cachedInputPerMillion price of input tokens read from the provider's cache,
	 * or {@code null} when they cost as much as other input tokens
	 */
	public record Price(double inputPerMillion, double outputPerMillion, @Nullable Double cachedInputPerMillion) {

		public Price {
			requireValid("input-per-million", inputPerMillion);
			requireValid("output-per-million", outputPerMillion);
			if (cachedInputPerMillion != null) {
				requireValid("cached-input-per-million", cachedInputPerMillion);
			}
		}

		private static void requireValid(String name, double price) {
			if (!(price >= 0) || Double.isInfinite(price)) {
				throw new IllegalArgumentException(name + " must be a price of zero or more, not " + price);
			}
		}

		/** The cost of a call, rounded to ten significant digits. */
		public BigDecimal cost(long inputTokens, long outputTokens, long cachedInputTokens) {
			long cached = Math.max(0, Math.min(cachedInputTokens, inputTokens));
			double cachedPrice = (this.cachedInputPerMillion != null) ? this.cachedInputPerMillion
					: this.inputPerMillion;
			BigDecimal total = BigDecimal.valueOf(this.inputPerMillion)
				.multiply(BigDecimal.valueOf(Math.max(0, inputTokens) - cached))
				.add(BigDecimal.valueOf(cachedPrice).multiply(BigDecimal.valueOf(cached)))
				.add(BigDecimal.valueOf(this.outputPerMillion).multiply(BigDecimal.valueOf(Math.max(0, outputTokens))));
			return total.divide(MILLION, MathContext.DECIMAL64).round(new MathContext(10)).stripTrailingZeros();
		}

	}

}
