package io.agenttracing.sample.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which model the sample agent talks to.
 */
@ConfigurationProperties("sample.llm")
public class LlmProperties {

	/**
	 * Which client to use: "simulated" (offline, deterministic) or "openai" (any
	 * OpenAI-compatible chat completions API).
	 */
	private String provider = "simulated";

	/**
	 * Base URL of the OpenAI-compatible API, up to and including the version, e.g.
	 * https://api.openai.com/v1.
	 */
	private String baseUrl = "https://api.openai.com/v1";

	/**
	 * API key sent as a bearer token.
	 */
	private String apiKey = "";

	/**
	 * Model to ask for.
	 */
	private String model = "gpt-4o-mini";

	public String getProvider() {
		return this.provider;
	}

	public void setProvider(String provider) {
		this.provider = provider;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(String apiKey) {
		this.apiKey = apiKey;
	}

	public String getModel() {
		return this.model;
	}

	public void setModel(String model) {
		this.model = model;
	}

}
