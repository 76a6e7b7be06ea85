package io.agenttracing.internal.semconv;

import java.util.Locale;
import java.util.Map;

/**
 * The OpenTelemetry GenAI well-known value of {@code gen_ai.provider.name} for the names
 * frameworks give their providers: Spring AI's {@code open_ai} or {@code azure-openai},
 * LangChain4j's {@code OPEN_AI} or {@code GOOGLE_VERTEX_AI_GEMINI}. Backends group and
 * price by these values, so a name they do not know splits one provider in two. A name
 * without a well-known value is kept, lowercase.
 */
public final class GenAiProviders {

	private static final Map<String, String> WELL_KNOWN = Map.ofEntries(Map.entry("open_ai", "openai"),
			Map.entry("openai", "openai"), Map.entry("azure_open_ai", "azure.ai.openai"),
			Map.entry("azure_openai", "azure.ai.openai"), Map.entry("amazon_bedrock", "aws.bedrock"),
			Map.entry("bedrock", "aws.bedrock"), Map.entry("bedrock_converse", "aws.bedrock"),
			Map.entry("google_ai_gemini", "gcp.gemini"), Map.entry("google_genai", "gcp.gemini"),
			Map.entry("gemini", "gcp.gemini"), Map.entry("google_vertex_ai_gemini", "gcp.vertex_ai"),
			Map.entry("vertex_ai", "gcp.vertex_ai"), Map.entry("vertexai", "gcp.vertex_ai"),
			Map.entry("vertex", "gcp.vertex_ai"), Map.entry("mistral", "mistral_ai"),
			Map.entry("mistral_ai", "mistral_ai"), Map.entry("watsonx", "ibm.watsonx.ai"),
			Map.entry("watsonx_ai", "ibm.watsonx.ai"), Map.entry("xai", "x_ai"), Map.entry("x_ai", "x_ai"));

	private GenAiProviders() {
	}

	/** The well-known value for {@code provider}, or the name itself, lowercase. */
	public static String wellKnown(String provider) {
		String name = provider.trim().toLowerCase(Locale.ROOT).replace('-', '_');
		return WELL_KNOWN.getOrDefault(name, name);
	}

}
