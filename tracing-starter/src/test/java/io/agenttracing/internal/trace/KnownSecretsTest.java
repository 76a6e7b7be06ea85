package io.agenttracing.internal.trace;

import java.util.List;

import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.Tracing;
import io.agenttracing.annotation.SpanAttribute;
import io.agenttracing.annotation.Traced;
import io.agenttracing.testing.TracingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A value recorded under a secret key is hidden wherever else it appears in the same
 * trace, as every exporter receives it.
 */
class KnownSecretsTest {

	private static final String KEY = "k3y-7f9a2c41d0e8";

	private final TracingFixture fixture = new TracingFixture(1024, List.of());

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void aSecretAttributeParameterIsHiddenInTheCapturedInputToo() {
		Client client = this.fixture.proxy(new Client());
		client.call(KEY, "weather in Paris");
		SpanData span = only(this.fixture.traces().get(0));
		assertThat(span.attributes()).containsEntry("api_key", "[REDACTED]");
		assertThat(span.input()).doesNotContain(KEY).contains("[REDACTED]").contains("weather in Paris");
	}

	@Test
	void theCredentialOfASecretAttributeIsHiddenWhereverItWasPassed() {
		Client client = this.fixture.proxy(new Client());
		client.authorize(KEY);
		TraceData trace = this.fixture.traces().get(0);
		assertThat(trace.toJson()).doesNotContain(KEY);
		assertThat(only(trace).attributes()).containsEntry("authorization", "[REDACTED]");
	}

	@Test
	void aSecretParameterIsHiddenInTheExceptionMessageStackTraceAndEvent() {
		Client client = this.fixture.proxy(new Client());
		assertThatIllegalStateException().isThrownBy(() -> client.login("ada", KEY)).withMessageContaining(KEY);
		TraceData trace = this.fixture.traces().get(0);
		SpanData span = only(trace);
		assertThat(span.error().message()).isEqualTo("login refused for token [REDACTED]");
		assertThat(span.error().stackTrace()).doesNotContain(KEY);
		assertThat(span.events().get(0).attributes().get("exception.message")).asString().doesNotContain(KEY);
		assertThat(trace.toJson()).doesNotContain(KEY).contains("ada");
	}

	@Test
	void aSecretIsHiddenInOtherSpansOfTheTraceAndShortValuesAreLeftAlone() {
		Client client = this.fixture.proxy(new Client());
		client.agent(KEY);
		TraceData trace = this.fixture.traces().get(0);
		assertThat(trace.spans()).hasSize(2);
		assertThat(trace.toJson()).doesNotContain(KEY);

		client.call("abc", "abc is the question");
		SpanData span = only(this.fixture.traces().get(0));
		assertThat(span.input()).contains("abc is the question");
	}

	private static SpanData only(TraceData trace) {
		assertThat(trace.spans()).hasSize(1);
		return trace.spans().get(0);
	}

	static class Client {

		@Traced(kind = SpanKind.TOOL)
		public String call(@SpanAttribute("api_key") String key, String question) {
			return "ok";
		}

		@Traced(kind = SpanKind.NETWORK)
		public String authorize(String value) {
			Tracing.currentSpan().setAttribute("authorization", "Bearer " + value);
			return "authorized";
		}

		@Traced(kind = SpanKind.TOOL)
		public String login(String user, String token) {
			throw new IllegalStateException("login refused for token " + token);
		}

		@Traced(kind = SpanKind.AGENT)
		public String agent(String apiKey) {
			// The key is known secret from this span's parameter; the child quotes it.
			Tracing.startSpan("lookup", SpanKind.TOOL).setOutput("used " + apiKey).close();
			return "done";
		}

	}

}
