package io.agenttracing.internal.capture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonValueCapturerTest {

	private final JsonValueCapturer capturer = new JsonValueCapturer(200,
			List.of("password", "secret", "token", "api-key", "authorization"));

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	@Test
	void secretKeysAreHiddenAtAnyDepthAndTokenCountsAreNot() {
		Object request = map("model", "gpt", "maxTokens", 256, "usage", map("input_tokens", 12), "headers",
				List.of(map("X-Api-Key", "sk-1", "Authorization", "Bearer abc")), "auth",
				map("accessToken", "t-1", "client_secret", "s-1"));
		assertThat(this.capturer.capture(request)).isEqualTo("{\"model\":\"gpt\",\"maxTokens\":256,"
				+ "\"usage\":{\"input_tokens\":12},\"headers\":[{\"X-Api-Key\":\"[REDACTED]\",\"Authorization\":\"[REDACTED]\"}],"
				+ "\"auth\":{\"accessToken\":\"[REDACTED]\",\"client_secret\":\"[REDACTED]\"}}");
	}

	@Test
	void wordsInValuesAreNotSecrets() {
		assertThat(this.capturer.capture(map("hint", "reset your password here")))
			.isEqualTo("{\"hint\":\"reset your password here\"}");
	}

	@Test
	void parameterNamesAreCheckedToo() {
		assertThat(this.capturer.captureArguments(new String[] { "user", "dbPassword", "tokens" },
				new Object[] { "ada", "hunter2", List.of("a", "b") }))
			.isEqualTo("{\"user\":\"ada\",\"dbPassword\":\"[REDACTED]\",\"tokens\":[\"a\",\"b\"]}");
	}

	@Test
	void plainValuesAreWrittenWithoutJacksonAndEscaped() {
		assertThat(this.capturer.capture("line\n\"quoted\"\u0001")).isEqualTo("\"line\\n\\\"quoted\\\"\\u0001\"");
		assertThat(this.capturer.capture(42L)).isEqualTo("42");
		assertThat(this.capturer.capture(Double.NaN)).isEqualTo("\"NaN\"");
		assertThat(this.capturer.capture(null)).isEqualTo("null");
	}

	@Test
	void longObjectsBecomeATruncatedStringThatSaysSo() {
		String captured = this.capturer.capture(map("text", "x".repeat(500)));
		assertThat(captured).startsWith("\"{\\\"text\\\":\\\"xxx").endsWith("...[truncated]\"").hasSizeLessThan(240);
	}

	@Test
	void textAtTheLimitIsKeptWholeAndMaskedAndOneCharacterMoreIsCut() {
		// maxValueLength is 200 here.
		String atLimit = "Bearer abcdefghijklmnop " + "z".repeat(176);
		assertThat(this.capturer.capture(atLimit)).isEqualTo("\"Bearer [REDACTED] " + "z".repeat(176) + "\"");
		assertThat(this.capturer.capture(atLimit + "z")).startsWith("\"Bearer [REDACTED] ")
			.endsWith("...[truncated 1 chars]\"");
	}

	@Test
	void aHugeStringOrCollectionCostsOnlyTheLimit() {
		String huge = this.capturer.capture("y".repeat(5_000_000));
		assertThat(huge).hasSizeLessThan(260).endsWith("...[truncated 4999800 chars]\"");
		List<Integer> many = java.util.stream.IntStream.range(0, 1_000_000).boxed().toList();
		assertThat(this.capturer.capture(Map.of("ids", many))).hasSizeLessThan(260).endsWith("...[truncated]\"");
	}

	@Test
	void deepNestingStopsAtAPlaceholder() {
		List<Object> deep = new java.util.ArrayList<>();
		List<Object> current = deep;
		for (int i = 0; i < 100; i++) {
			List<Object> next = new java.util.ArrayList<>();
			current.add(next);
			current = next;
		}
		JsonValueCapturer wide = new JsonValueCapturer(10_000, List.of());
		assertThat(wide.capture(deep)).contains("<max depth java.util.ArrayList>").startsWith("[[[[");
	}

	@Test
	void secretsAreRedactedWhileWritingInsideNestedObjectsAndArrays() {
		record Credentials(String user, String password) {
		}
		record Call(String tool, List<Object> steps) {
		}
		Object value = new Call("search",
				List.of(Map.of("apiKey", "k-1"), List.of(new Credentials("ada", "hunter2")), "Bearer abcdefgh123"));
		assertThat(this.capturer.capture(value))
			.isEqualTo("{\"tool\":\"search\",\"steps\":[{\"apiKey\":\"[REDACTED]\"},"
					+ "[{\"user\":\"ada\",\"password\":\"[REDACTED]\"}],\"Bearer [REDACTED]\"]}");
	}

}
