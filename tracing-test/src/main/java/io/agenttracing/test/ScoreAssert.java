package io.agenttracing.test;

import io.agenttracing.Score;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on one score: <pre>{@code
 * assertThat(trace).hasScore("helpfulness").withValue(1).fromSource(Score.USER_FEEDBACK);
 * assertThat(trace).hasScore("tool_success").withValue(true);
 * }</pre>
 */
public final class ScoreAssert extends AbstractAssert<ScoreAssert, Score> {

	ScoreAssert(Score score) {
		super(score, ScoreAssert.class);
	}

	/** A numeric score's value, within a millionth. */
	public ScoreAssert withValue(double value) {
		isNotNull();
		if (this.actual.value() == null || Math.abs(this.actual.value() - value) > 1e-6) {
			failWithMessage("Expected score <%s> to have the value <%s> but it was <%s>", this.actual.name(), value,
					this.actual.valueText());
		}
		return this;
	}

	/** A boolean score's value. */
	public ScoreAssert withValue(boolean value) {
		isNotNull();
		if (this.actual.type() != Score.Type.BOOLEAN
				|| (this.actual.value() != null && this.actual.value() != 0) != value) {
			failWithMessage("Expected score <%s> to be <%s> but it was <%s> (%s)", this.actual.name(), value,
					this.actual.valueText(), this.actual.type());
		}
		return this;
	}

	/** A categorical score's label. */
	public ScoreAssert withLabel(String label) {
		isNotNull();
		if (!label.equals(this.actual.label())) {
			failWithMessage("Expected score <%s> to have the label <%s> but it was <%s>", this.actual.name(), label,
					this.actual.label());
		}
		return this;
	}

	public ScoreAssert fromSource(String source) {
		isNotNull();
		if (!source.equals(this.actual.source())) {
			failWithMessage("Expected score <%s> from <%s> but it came from <%s>", this.actual.name(), source,
					this.actual.source());
		}
		return this;
	}

	/** The comment, to assert on. */
	public AbstractStringAssert<?> comment() {
		isNotNull();
		return Assertions.assertThat(this.actual.comment()).as("comment of score <%s>", this.actual.name());
	}

}
