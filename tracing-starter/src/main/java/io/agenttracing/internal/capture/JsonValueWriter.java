package io.agenttracing.internal.capture;

import io.agenttracing.internal.trace.CapturedText;
import java.lang.reflect.Array;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Walks one value and writes it as JSON for {@link JsonValueCapturer}: through fields,
 * never getters; secrets hidden by key and masked in text; values that reading would
 * consume or block, cycles and deep nesting as placeholders; HTTP headers only by allowed
 * name. The writer it is given stops at its limit.
 */
final class JsonValueWriter {

	private final SecretRedactor redactor;

	private final Set<String> allowedHeaders;

	JsonValueWriter(SecretRedactor redactor, Set<String> allowedHeaders) {
		this.redactor = redactor;
		this.allowedHeaders = allowedHeaders;
	}

	void write(BoundedJsonWriter json, @Nullable Object value, int depth, @Nullable Path path) {
		if (value == null) {
			json.raw("null");
			return;
		}
		if (value instanceof CharSequence text) {
			writeText(json, text.toString(), json.remaining(), false);
			return;
		}
		if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short
				|| value instanceof Byte || value instanceof java.math.BigInteger) {
			json.raw(value.toString());
			return;
		}
		if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
			writeDecimal(json, (Number) value);
			return;
		}
		if (value instanceof Character || value instanceof Enum<?>) {
			json.string((value instanceof Enum<?> constant) ? constant.name() : value.toString());
			return;
		}
		Class<?> type = value.getClass();
		JdkTypes.Kind kind = JdkTypes.kind(type);
		switch (kind) {
			case GENERATED ->
				json.string("<" + (type.getName().contains("$$Lambda") ? "lambda " : "") + type.getName() + ">");
			case ONE_SHOT -> json.string("<" + type.getName() + ">");
			case HEADERS -> writeHeaders(json, value, depth, path);
			default -> {
				if (depth >= JsonValueCapturer.MAX_DEPTH) {
					json.string("<max depth " + type.getName() + ">");
				}
				else if (kind == JdkTypes.Kind.JDK) {
					if (!writeJdkValue(json, value, depth, path)) {
						json.string("<" + type.getName() + ">");
					}
				}
				else {
					writeComposite(json, value, type, kind, depth, (path != null) ? path : new Path());
				}
			}
		}
	}

	private void writeComposite(BoundedJsonWriter json, Object value, Class<?> type, JdkTypes.Kind kind, int depth,
			Path path) {
		if (!path.enter(value)) {
			json.string("<cycle " + type.getName() + ">");
			return;
		}
		try {
			switch (kind) {
				case ARRAY -> writeArray(json, value, depth, path);
				case TRUSTED_MAP -> writeMap(json, (Map<?, ?>) value, depth, path);
				case TRUSTED_COLLECTION -> {
					json.raw('[');
					boolean first = true;
					for (Object element : (Collection<?>) value) {
						if (!first) {
							json.raw(',');
						}
						first = false;
						write(json, element, depth + 1, path);
					}
					json.raw(']');
				}
				default -> writeFields(json, value, type, depth, path);
			}
		}
		finally {
			path.leave();
		}
	}

	/** JDK types that have a natural JSON form; false if the type has none. */
	private boolean writeJdkValue(BoundedJsonWriter json, Object value, int depth, @Nullable Path path) {
		if (value instanceof Optional<?> optional) {
			write(json, optional.orElse(null), depth + 1, path);
		}
		else if (value instanceof OptionalInt || value instanceof OptionalLong || value instanceof OptionalDouble) {
			String text = value.toString();
			json.raw(text.endsWith(".empty") ? "null" : text.substring(text.indexOf('[') + 1, text.length() - 1));
		}
		else if (value instanceof AtomicReference<?> reference) {
			write(json, reference.get(), depth + 1, path);
		}
		else if (value instanceof AtomicBoolean flag) {
			json.raw(String.valueOf(flag.get()));
		}
		else if (value instanceof java.util.concurrent.atomic.AtomicInteger
				|| value instanceof java.util.concurrent.atomic.AtomicLong) {
			json.raw(value.toString());
		}
		else if (value instanceof Date date) {
			json.string(date.toInstant().toString());
		}
		else if (value instanceof Calendar calendar) {
			json.string(calendar.toInstant().toString());
		}
		else if (value instanceof Class<?> type) {
			json.string(type.getName());
		}
		else if (value instanceof Pattern pattern) {
			json.string(pattern.pattern());
		}
		else if (value instanceof Throwable error) {
			json.raw("{\"type\":").string(error.getClass().getName()).raw(",\"message\":");
			String message = error.getMessage();
			if (message == null) {
				json.raw("null");
			}
			else {
				writeText(json, message, json.remaining(), false);
			}
			json.raw('}');
		}
		else if (JdkTypes.isTextValue(value.getClass())) {
			json.string(value.toString());
		}
		else {
			return false;
		}
		return true;
	}

	private void writeArray(BoundedJsonWriter json, Object array, int depth, Path path) {
		Class<?> component = array.getClass().getComponentType();
		int length = Array.getLength(array);
		if (component == byte.class || component == char.class) {
			// Binary data, or a password kept out of String on purpose: neither is for a
			// trace.
			json.string("<" + component.getName() + "[" + length + "]>");
			return;
		}
		json.raw('[');
		for (int i = 0; i < length; i++) {
			if (i > 0) {
				json.raw(',');
			}
			write(json, Array.get(array, i), depth + 1, path);
		}
		json.raw(']');
	}

	private void writeMap(BoundedJsonWriter json, Map<?, ?> map, int depth, Path path) {
		json.raw('{');
		boolean first = true;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!first) {
				json.raw(',');
			}
			first = false;
			String key = keyText(entry.getKey());
			json.string(key).raw(':');
			if (this.redactor.isSecretKey(key)) {
				json.string(JsonValueCapturer.REDACTED);
			}
			else {
				write(json, entry.getValue(), depth + 1, path);
			}
		}
		json.raw('}');
	}

	private void writeFields(BoundedJsonWriter json, Object value, Class<?> type, int depth, Path path) {
		ObjectShape shape = ObjectShape.of(type);
		if (!shape.isReadable() || shape.size() == 0) {
			json.string("<" + type.getName() + ">");
			return;
		}
		json.raw('{');
		for (int i = 0; i < shape.size(); i++) {
			if (i > 0) {
				json.raw(',');
			}
			String name = shape.name(i);
			json.string(name).raw(':');
			if (this.redactor.isSecretKey(name)) {
				json.string(JsonValueCapturer.REDACTED);
				continue;
			}
			Object field;
			try {
				field = shape.value(i, value);
			}
			catch (IllegalAccessException | RuntimeException ex) {
				json.string("<unreadable " + ex.getClass().getSimpleName() + ">");
				continue;
			}
			write(json, field, depth + 1, path);
		}
		json.raw('}');
	}

	/**
	 * HTTP headers: only the allowed names, so that credentials in headers never leave
	 * the process.
	 */
	private void writeHeaders(BoundedJsonWriter json, Object headers, int depth, @Nullable Path path) {
		Map<String, List<String>> all = (headers instanceof java.net.http.HttpHeaders jdk) ? jdk.map()
				: SpringHttpHeaders.asMap(headers);
		Map<String, Object> allowed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		all.forEach((name, values) -> {
			if (this.allowedHeaders.contains(name)) {
				allowed.put(name.toLowerCase(Locale.ROOT), (values.size() == 1) ? values.get(0) : values);
			}
		});
		writeMap(json, new LinkedHashMap<>(allowed), depth, (path != null) ? path : new Path());
	}

	private void writeDecimal(BoundedJsonWriter json, Number number) {
		double asDouble = number.doubleValue();
		if (number instanceof java.math.BigDecimal || Double.isFinite(asDouble)) {
			json.raw(number.toString());
		}
		else {
			json.string(number.toString());
		}
	}

	/**
	 * Writes text as a JSON string: cut to {@code room} characters before it is masked
	 * (so a huge string costs what a short one does), masked, then cut; {@code exact}
	 * says how much was cut.
	 */
	void writeText(BoundedJsonWriter json, String text, int room, boolean exact) {
		int keep = Math.max(room, 0);
		String masked = this.redactor.redactText(CapturedText.maskWindow(text, keep));
		if (text.length() <= keep && masked.length() <= keep) {
			json.string(masked);
			return;
		}
		if (!exact) {
			// Inside a larger value: fill what is left and let the caller cut the whole
			// value.
			json.string(masked.substring(0, Math.min(masked.length(), keep)));
			return;
		}
		int cut = text.length() - keep;
		json.string(masked.substring(0, Math.min(masked.length(), keep)) + CapturedText.truncationMarker(cut));
	}

	private static String keyText(@Nullable Object key) {
		if (key == null) {
			return "null";
		}
		if (key instanceof CharSequence || key instanceof Number || key instanceof Boolean
				|| key instanceof Character) {
			return key.toString();
		}
		if (key instanceof Enum<?> constant) {
			return constant.name();
		}
		if (JdkTypes.isTextValue(key.getClass())) {
			return key.toString();
		}
		return "<" + key.getClass().getName() + ">";
	}

	/**
	 * The composites being written, outermost first, to tell a cycle; as deep as the
	 * nesting limit.
	 */
	private static final class Path {

		private final @Nullable Object[] values = new Object[JsonValueCapturer.MAX_DEPTH + 1];

		private int depth;

		/** Enters {@code value}; false if it is already being written (a cycle). */
		boolean enter(Object value) {
			for (int i = 0; i < this.depth; i++) {
				if (this.values[i] == value) {
					return false;
				}
			}
			this.values[this.depth++] = value;
			return true;
		}

		void leave() {
			this.values[--this.depth] = null;
		}

	}

}
