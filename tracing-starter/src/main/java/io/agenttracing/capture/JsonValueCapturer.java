package io.agenttracing.capture;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Spliterator;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.stream.BaseStream;

import io.agenttracing.ValueCapturer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Captures values as JSON with Jackson, bounded and redacted:
 * <ul>
 * <li>strings, numbers and booleans are written directly, without Jackson;</li>
 * <li>values longer than the limit become a truncated string that says how much was cut;</li>
 * <li>object keys and parameter names that look like secrets have their value replaced;</li>
 * <li>a value Jackson cannot write (cycles, lambdas, throwing getters) becomes a placeholder;</li>
 * <li>values whose serialisation would consume or block them (streams, iterators, I/O, futures,
 * servlet objects, reactive publishers) become a placeholder without being touched.</li>
 * </ul>
 */
public final class JsonValueCapturer implements ValueCapturer {

	static final String REDACTED = "[REDACTED]";

	private static final List<Class<?>> UNTOUCHABLE = List.of(BaseStream.class, Iterator.class, Spliterator.class,
			InputStream.class, OutputStream.class, Reader.class, Writer.class, Channel.class, Future.class,
			CompletionStage.class, Thread.class, ClassLoader.class);

	private static final List<String> UNTOUCHABLE_PACKAGES = List.of("jakarta.servlet.", "reactor.core.publisher.",
			"org.springframework.http.server.", "org.springframework.web.context.request.");

	private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

	private final int maxValueLength;

	private final List<String> redactKeys;

	/**
	 * @param maxValueLength longest JSON text kept for one value
	 * @param redactKeys key fragments whose values are hidden; a key matches when, ignoring case,
	 * {@code -}, {@code _} and {@code .}, it equals one of them or ends with one
	 */
	public JsonValueCapturer(int maxValueLength, Collection<String> redactKeys) {
		if (maxValueLength < 16) {
			throw new IllegalArgumentException("maxValueLength must be at least 16, got " + maxValueLength);
		}
		this.maxValueLength = maxValueLength;
		List<String> keys = new ArrayList<>();
		for (String key : redactKeys) {
			String normalized = normalize(key);
			if (!normalized.isEmpty()) {
				keys.add(normalized);
			}
		}
		this.redactKeys = List.copyOf(keys);
	}

	@Override
	public String capture(@Nullable Object value) {
		StringBuilder json = new StringBuilder(32);
		appendValue(json, value);
		return json.toString();
	}

	@Override
	public String captureArguments(String[] names, @Nullable Object[] values) {
		StringBuilder json = new StringBuilder(64);
		json.append('{');
		for (int i = 0; i < names.length && i < values.length; i++) {
			if (i > 0) {
				json.append(',');
			}
			appendString(json, names[i]);
			json.append(':');
			if (isSecret(names[i])) {
				appendString(json, REDACTED);
			}
			else {
				appendValue(json, values[i]);
			}
		}
		return json.append('}').toString();
	}

	/** Whether a key names a secret. */
	public boolean isSecret(String key) {
		String normalized = normalize(key);
		for (String redact : this.redactKeys) {
			if (normalized.endsWith(redact)) {
				return true;
			}
		}
		return false;
	}

	private void appendValue(StringBuilder json, @Nullable Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
			appendString(json, bounded(value.toString()));
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
				|| value instanceof Short || value instanceof Byte) {
			json.append(value);
		}
		else if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isFinite(number)) {
				json.append(value);
			}
			else {
				appendString(json, value.toString());
			}
		}
		else {
			json.append(viaJackson(value));
		}
	}

	private String viaJackson(Object value) {
		Class<?> type = value.getClass();
		if (type.isSynthetic() || type.getName().contains("$$Lambda")) {
			return quoted("<lambda " + type.getName() + ">");
		}
		if (isUntouchable(type)) {
			return quoted(placeholder(value, null));
		}
		try {
			String text = this.mapper.writeValueAsString(value);
			if (mayHoldSecrets(text)) {
				// Only JSON that could hold a secret key goes through the slower tree walk.
				JsonNode tree = this.mapper.readTree(text);
				redact(tree);
				text = this.mapper.writeValueAsString(tree);
			}
			return (text.length() > this.maxValueLength) ? quoted(bounded(text)) : text;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return quoted(placeholder(value, ex));
		}
	}

	/**
	 * Whether some key of the JSON could name a secret: its text, normalised like keys are, has a
	 * redact fragment right before the {@code ":} that ends a key. A false alarm only costs the tree
	 * walk; a secret key is never missed.
	 */
	private boolean mayHoldSecrets(String json) {
		if (this.redactKeys.isEmpty()) {
			return false;
		}
		String normalized = normalize(json);
		for (String redact : this.redactKeys) {
			if (normalized.contains(redact + "\":")) {
				return true;
			}
		}
		return false;
	}

	private void redact(JsonNode node) {
		if (node instanceof ObjectNode object) {
			List<String> secrets = new ArrayList<>();
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				if (isSecret(property.getKey())) {
					secrets.add(property.getKey());
				}
				else {
					redact(property.getValue());
				}
			}
			secrets.forEach((key) -> object.put(key, REDACTED));
		}
		else if (node.isArray()) {
			node.forEach(this::redact);
		}
	}

	private static boolean isUntouchable(Class<?> type) {
		for (Class<?> untouchable : UNTOUCHABLE) {
			if (untouchable.isAssignableFrom(type)) {
				return true;
			}
		}
		String name = type.getName();
		for (String prefix : UNTOUCHABLE_PACKAGES) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		for (Class<?> itf : type.getInterfaces()) {
			if (itf.getName().startsWith("jakarta.servlet.") || itf.getName().equals("org.reactivestreams.Publisher")) {
				return true;
			}
		}
		return false;
	}

	private static String placeholder(Object value, @Nullable Throwable failure) {
		String type = value.getClass().getName();
		if (failure == null) {
			return "<" + type + ">";
		}
		return "<unserializable " + type + ": " + failure.getClass().getSimpleName() + ">";
	}

	private String bounded(String text) {
		if (text.length() <= this.maxValueLength) {
			return text;
		}
		int cut = text.length() - this.maxValueLength;
		return text.substring(0, this.maxValueLength) + "...[truncated " + cut + " chars]";
	}

	private String quoted(String text) {
		StringBuilder json = new StringBuilder(text.length() + 2);
		appendString(json, text);
		return json.toString();
	}

	private static void appendString(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	private static String normalize(String key) {
		StringBuilder normalized = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c != '-' && c != '_' && c != '.') {
				normalized.append(c);
			}
		}
		return normalized.toString().toLowerCase(Locale.ROOT);
	}

}
