package io.agenttracing.sample.tools;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

import io.agenttracing.SpanKind;
import io.agenttracing.annotation.Traced;
import io.agenttracing.sample.llm.ToolSpec;

import org.springframework.stereotype.Component;

/**
 * Evaluates arithmetic with + - * / and parentheses, exactly (no floating-point
 * surprises).
 */
@Component
public class CalculatorTool implements Tool {

	@Override
	public ToolSpec spec() {
		return new ToolSpec("calculator", "Evaluates an arithmetic expression with + - * / and parentheses",
				Map.of("type", "object", "properties",
						Map.of("expression", Map.of("type", "string", "description", "for example (12+3)*7")),
						"required", new String[] { "expression" }));
	}

	@Override
	@Traced(kind = SpanKind.TOOL)
	public String call(Map<String, Object> arguments) {
		return evaluate(String.valueOf(arguments.get("expression")));
	}

	/** The expression and its exact value, as {@code "2*3 = 6"}. */
	public static String evaluate(String expression) {
		BigDecimal value = new Parser(expression).parse();
		return expression + " = " + value.stripTrailingZeros().toPlainString();
	}

	/**
	 * Recursive descent: expression := term (('+'|'-') term)*, term := factor (('*'|'/')
	 * factor)*.
	 */
	private static final class Parser {

		private final String text;

		private int position;

		Parser(String text) {
			this.text = text.replace(" ", "");
		}

		BigDecimal parse() {
			BigDecimal value = expression();
			if (this.position != this.text.length()) {
				throw new IllegalArgumentException(
						"Unexpected '" + this.text.charAt(this.position) + "' in " + this.text);
			}
			return value;
		}

		private BigDecimal expression() {
			BigDecimal value = term();
			while (peek('+') || peek('-')) {
				char operator = this.text.charAt(this.position++);
				value = (operator == '+') ? value.add(term()) : value.subtract(term());
			}
			return value;
		}

		private BigDecimal term() {
			BigDecimal value = factor();
			while (peek('*') || peek('/')) {
				char operator = this.text.charAt(this.position++);
				BigDecimal right = factor();
				if (operator == '/' && right.signum() == 0) {
					throw new ArithmeticException("Division by zero in " + this.text);
				}
				value = (operator == '*') ? value.multiply(right) : value.divide(right, MathContext.DECIMAL64);
			}
			return value;
		}

		private BigDecimal factor() {
			if (peek('(')) {
				this.position++;
				BigDecimal value = expression();
				if (!peek(')')) {
					throw new IllegalArgumentException("Missing ')' in " + this.text);
				}
				this.position++;
				return value;
			}
			if (peek('-')) {
				this.position++;
				return factor().negate();
			}
			int start = this.position;
			while (this.position < this.text.length()
					&& (Character.isDigit(this.text.charAt(this.position)) || this.text.charAt(this.position) == '.')) {
				this.position++;
			}
			if (start == this.position) {
				throw new IllegalArgumentException("Expected a number at position " + start + " in " + this.text);
			}
			return new BigDecimal(this.text.substring(start, this.position));
		}

		private boolean peek(char c) {
			return this.position < this.text.length() && this.text.charAt(this.position) == c;
		}

	}

}
