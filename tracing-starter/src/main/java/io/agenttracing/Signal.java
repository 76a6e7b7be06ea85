package io.agenttracing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A numeric or boolean measurement attached to a span, such as cost, accuracy or a score.
 *
 * @param name what is measured
 * @param value the measured value: a {@link Long}, {@link Double} or {@link Boolean}
 * @param type the type detected from the value
 */
public record Signal(String name, Object value, Type type) {

	/** The type of a signal's value. */
	public enum Type {

		INTEGER, FLOAT, BOOLEAN

	}

	public Signal {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(type, "type");
	}

	/**
	 * A signal whose type is detected from the value: integral numbers, floating-point
	 * numbers, booleans, and strings that hold one of those.
	 * @throws IllegalArgumentException if the value is neither a number nor a boolean
	 */
	public static Signal of(String name, @Nullable Object value) {
		Signal signal = detect(name, value);
		if (signal == null) {
			throw new IllegalArgumentException("Signal '" + name + "' needs a number or a boolean, got " + value);
		}
		return signal;
	}

	/**
	 * Like {@link #of}, but {@code null} instead of an exception for a value that is
	 * neither a number nor a boolean.
	 */
	public static @Nullable Signal detect(String name, @Nullable Object value) {
		if (value instanceof Boolean bool) {
			return new Signal(name, bool, Type.BOOLEAN);
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger) {
			return new Signal(name, ((Number) value).longValue(), Type.INTEGER);
		}
		if (value instanceof Number number) {
			double asDouble = number.doubleValue();
			return Double.isFinite(asDouble) ? new Signal(name, asDouble, Type.FLOAT) : null;
		}
		if (value instanceof CharSequence text) {
			return fromText(name, text.toString().trim());
		}
		return null;
	}

	private static @Nullable Signal fromText(String name, String text) {
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return new Signal(name, Boolean.parseBoolean(text), Type.BOOLEAN);
		}
		try {
			return new Signal(name, Long.parseLong(text), Type.INTEGER);
		}
		catch (NumberFormatException notIntegral) {
			try {
				return detect(name, new BigDecimal(text).doubleValue());
			}
			catch (NumberFormatException notNumeric) {
				return null;
			}
		}
	}

}
