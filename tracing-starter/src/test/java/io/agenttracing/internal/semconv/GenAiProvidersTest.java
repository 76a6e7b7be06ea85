package io.agenttracing.internal.semconv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GenAiProvidersTest {

	@Test
	void frameworkNamesBecomeTheConventionsWellKnownValues() {
		assertThat(GenAiProviders.wellKnown("open_ai")).isEqualTo("openai");
		assertThat(GenAiProviders.wellKnown("OPEN_AI")).isEqualTo("openai");
		assertThat(GenAiProviders.wellKnown("azure-openai")).isEqualTo("azure.ai.openai");
		assertThat(GenAiProviders.wellKnown("AMAZON_BEDROCK")).isEqualTo("aws.bedrock");
		assertThat(GenAiProviders.wellKnown("bedrock_converse")).isEqualTo("aws.bedrock");
		assertThat(GenAiProviders.wellKnown("GOOGLE_VERTEX_AI_GEMINI")).isEqualTo("gcp.vertex_ai");
		assertThat(GenAiProviders.wellKnown("GOOGLE_AI_GEMINI")).isEqualTo("gcp.gemini");
		assertThat(GenAiProviders.wellKnown("mistral_ai")).isEqualTo("mistral_ai");
		assertThat(GenAiProviders.wellKnown("anthropic")).isEqualTo("anthropic");
	}

	@Test
	void aNameWithoutAWellKnownValueIsKeptInLowerCase() {
		assertThat(GenAiProviders.wellKnown("OLLAMA")).isEqualTo("ollama");
		assertThat(GenAiProviders.wellKnown("my-gateway")).isEqualTo("my_gateway");
	}

}
