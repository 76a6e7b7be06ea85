package io.agenttracing.export.memory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agenttracing.Score;
import io.agenttracing.TraceData;

/** A condition on a trace's newest score of one name, as the list filter writes it. */
record ScoreCondition(String name, String operator, String operand) {

	private static final Pattern FORM = Pattern.compile("\\s*([^<>=!]+?)\\s*(?:(>=|<=|!=|>|<|=)\\s*(.+?))?\\s*");

	static ScoreCondition parse(String expression) {
		Matcher matcher = FORM.matcher(expression);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("score must be a name, or a name, an operator (>, >=, <, <=, =, !=) "
					+ "and a value, as in helpfulness>0.5; got '" + expression + "'");
		}
		String operator = (matcher.group(2) != null) ? matcher.group(2) : "";
		String operand = (matcher.group(3) != null) ? matcher.group(3) : "";
		if (!operator.isEmpty() && !operator.equals("=") && !operator.equals("!=")) {
			try {
				Double.parseDouble(operand);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("score " + operator + " needs a number, got '" + operand + "'");
			}
		}
		return new ScoreCondition(matcher.group(1), operator, operand);
	}

	boolean matches(TraceData trace) {
		Optional<Score> found = trace.score(this.name);
		if (found.isEmpty()) {
			return this.operator.equals("!=");
		}
		Score score = found.get();
		return switch (this.operator) {
			case "" -> true;
			case "=" -> score.valueText().equalsIgnoreCase(this.operand.trim()) || numericEquals(score);
			case "!=" -> !score.valueText().equalsIgnoreCase(this.operand.trim()) && !numericEquals(score);
			default -> compare(score);
		};
	}

	private boolean numericEquals(Score score) {
		if (score.value() == null) {
			return false;
		}
		try {
			return score.value() == Double.parseDouble(this.operand);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private boolean compare(Score score) {
		if (score.value() == null) {
			return false;
		}
		double value = score.value();
		double operand = Double.parseDouble(this.operand);
		return switch (this.operator.toLowerCase(Locale.ROOT)) {
			case ">" -> value > operand;
			case ">=" -> value >= operand;
			case "<" -> value < operand;
			case "<=" -> value <= operand;
			default -> false;
		};
	}

}
