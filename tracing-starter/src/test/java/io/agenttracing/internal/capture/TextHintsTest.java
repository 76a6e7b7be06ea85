package io.agenttracing.internal.capture;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TextHintsTest {

	private final TextHints hints = new TextHints(
			List.of(new String[] { "Bearer", "bearer" }, new String[] { "sk-" }, new String[] { "eyJ" }));

	@Test
	void findsEachRulesHintAtTheStartInTheMiddleAndAtTheEnd() {
		assertThat(this.hints.scan("Bearer abc")).isEqualTo(1L);
		assertThat(this.hints.scan("key sk-")).isEqualTo(2L);
		assertThat(this.hints.scan("a token eyJhbGciOi and bearer x")).isEqualTo(1L | 4L);
	}

	@Test
	void ordinaryTextFindsNothingEvenWhereAHintsFirstLetterIsCommon() {
		assertThat(this.hints.scan("the weather in Paris is sunny, see the sky")).isZero();
		assertThat(this.hints.scan("")).isZero();
		assertThat(this.hints.scan("s")).isZero();
		assertThat(this.hints.scan("sk")).isZero();
	}

	@Test
	void reportsTheCharactersThatJsonAndPairsNeed() {
		assertThat(this.hints.scan("{\"a\":1}")).isEqualTo(TextHints.QUOTE_AND_COLON);
		assertThat(this.hints.scan("a=b")).isEqualTo(TextHints.EQUALS);
		assertThat(this.hints.scan("\"quoted\"") & TextHints.QUOTE_AND_COLON).isEqualTo(TextHints.QUOTE);
	}

	@Test
	void reportsWhatAJsonStringWouldEscape() {
		assertThat(this.hints.scan("plain text")).isZero();
		assertThat(this.hints.scan("two\nlines") & TextHints.NEEDS_JSON_ESCAPE).isNotZero();
		assertThat(this.hints.scan("C:\\path") & TextHints.NEEDS_JSON_ESCAPE).isNotZero();
		assertThat(this.hints.scan("say \"hi\"") & TextHints.NEEDS_JSON_ESCAPE).isNotZero();
	}

	@Test
	void textBeyondAsciiIsScannedAroundIt() {
		assertThat(this.hints.scan("é sk-é Bearerü")).isEqualTo(1L | 2L);
	}

	@Test
	void hintsMustBeAsciiOfTwoCharactersOrMore() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TextHints(List.<String[]>of(new String[] { "s" })));
		assertThatIllegalArgumentException().isThrownBy(() -> new TextHints(List.<String[]>of(new String[] { "éa" })));
	}

}
