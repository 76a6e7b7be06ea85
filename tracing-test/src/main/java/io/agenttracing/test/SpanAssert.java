package io.agenttracing.test;

import java.util.List;
import java.util.Objects;

import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ObjectAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assertions on one span: its kind, status, place in the tree, attributes, input and
 * output.
 */
public final class SpanAssert extends AbstractAssert<SpanAssert, SpanData> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final @Nullable TraceData trace;

	SpanAssert(SpanData span, @Nullable TraceData trace) {
		super(span, SpanAssert.class);
		this.trace = trace;
	}

	public SpanAssert ofKind(SpanKind kind) {
		isNotNull();
		if (this.actual.kind() != kind) {
			failWithMessage("Expected span <%s> to be of kind <%s> but it was <%s>", this.actual.name(), kind,
					this.actual.kind());
		}
		return this;
	}

	public SpanAssert hasStatus(SpanStatus status) {
		isNotNull();
		if (this.actual.status() != status) {
			failWithMessage("Expected span <%s> to have status <%s> but it was <%s>%s", this.actual.name(), status,
					this.actual.status(),
					(this.actual.error() != null) ? " (error: " + this.actual.error().message() + ")" : "");
		}
		return this;
	}

	/**
	 * Fails unless the span failed with an error of this type (or a subtype's name ending
	 * in it).
	 */
	public SpanAssert hasErrorOfType(Class<? extends Throwable> type) {
		isNotNull();
		if (this.actual.error() == null || !type.getName().equals(this.actual.error().type())) {
			failWithMessage("Expected span <%s> to have failed with <%s> but its error was <%s>", this.actual.name(),
					type.getName(), (this.actual.error() != null) ? this.actual.error().type() : null);
		}
		return this;
	}

	/** The error message, to assert on. */
	public AbstractStringAssert<?> errorMessage() {
		isNotNull();
		return Assertions.assertThat((this.actual.error() != null) ? this.actual.error().message() : null)
			.as("error message of span <%s>", this.actual.name());
	}

	/** Its direct child with this name, to assert on. */
	public SpanAssert hasChild(String name) {
		TraceData trace = trace();
		List<SpanData> children = trace.childrenOf(this.actual.spanId());
		return new SpanAssert(
				children.stream().filter((child) -> child.name().equals(name)).findFirst().orElseGet(() -> {
					failWithMessage("Expected span <%s> to have a child named <%s> but its children are %s",
							this.actual.name(), name, TraceAssert.names(children));
					return this.actual;
				}), trace);
	}

	/** Its direct children, to narrow down and count. */
	public SpansAssert children() {
		TraceData trace = trace();
		return new SpansAssert(trace.childrenOf(this.actual.spanId()), trace, "children of " + this.actual.name());
	}

	/** Fails unless its parent is a span with this name. */
	public SpanAssert hasParent(String name) {
		TraceData trace = trace();
		SpanData parent = trace.spans()
			.stream()
			.filter((span) -> span.spanId().equals(this.actual.parentId()))
			.findFirst()
			.orElse(null);
		if (parent == null || !parent.name().equals(name)) {
			failWithMessage("Expected span <%s> to be a child of <%s> but its parent is <%s>", this.actual.name(), name,
					(parent != null) ? parent.name() : null);
		}
		return this;
	}

	public SpanAssert hasAttribute(String key) {
		isNotNull();
		if (!this.actual.attributes().containsKey(key)) {
			failWithMessage("Expected span <%s> to have attribute <%s> but its attributes are %s", this.actual.name(),
					key, this.actual.attributes());
		}
		return this;
	}

	public SpanAssert hasAttribute(String key, Object value) {
		hasAttribute(key);
		Object actualValue = this.actual.attributes().get(key);
		if (!Objects.equals(actualValue, value) && !String.valueOf(actualValue).equals(String.valueOf(value))) {
			failWithMessage("Expected attribute <%s> of span <%s> to be <%s> but it was <%s>", key, this.actual.name(),
					value, actualValue);
		}
		return this;
	}

	/**
	 * The captured input at a JSON path ({@code $.messages[0].role}) or pointer
	 * ({@code /messages/0/role}).
	 */
	public ObjectAssert<Object> input(String path) {
		return Assertions.assertThat(at(this.actual.input(), path))
			.as("input %s of span <%s>", path, this.actual.name());
	}

	/**
	 * The captured output at a JSON path ({@code $.answer}) or pointer; {@code $} for the
	 * whole value.
	 */
	public ObjectAssert<Object> output(String path) {
		return Assertions.assertThat(at(this.actual.output(), path))
			.as("output %s of span <%s>", path, this.actual.name());
	}

	/** The captured input as JSON text. */
	public AbstractStringAssert<?> input() {
		return Assertions.assertThat(this.actual.input()).as("input of span <%s>", this.actual.name());
	}

	/** The captured output as JSON text. */
	public AbstractStringAssert<?> output() {
		return Assertions.assertThat(this.actual.output()).as("output of span <%s>", this.actual.name());
	}

	private @Nullable Object at(@Nullable String json, String path) {
		isNotNull();
		if (json == null) {
			failWithMessage("Span <%s> captured nothing to read %s from", this.actual.name(), path);
			return null;
		}
		JsonNode node = JSON.readTree(json).at(pointer(path));
		if (node.isMissingNode()) {
			failWithMessage("Span <%s> has nothing at %s in %s", this.actual.name(), path, json);
		}
		if (node.isNull()) {
			return null;
		}
		if (node.isString()) {
			return node.asString();
		}
		if (node.isIntegralNumber()) {
			return node.asLong();
		}
		if (node.isNumber()) {
			return node.asDouble();
		}
		if (node.isBoolean()) {
			return node.asBoolean();
		}
		return node.toString();
	}

	/** {@code $.a.b[0]} as the JSON pointer {@code /a/b/0}; a pointer stays as it is. */
	static String pointer(String path) {
		if (!path.startsWith("$")) {
			return path;
		}
		StringBuilder pointer = new StringBuilder();
		for (String part : path.substring(1).split("\\.")) {
			if (part.isEmpty()) {
				continue;
			}
			for (String piece : part.split("\\[")) {
				if (!piece.isEmpty()) {
					pointer.append('/').append(piece.endsWith("]") ? piece.substring(0, piece.length() - 1) : piece);
				}
			}
		}
		return pointer.toString();
	}

	private TraceData trace() {
		isNotNull();
		if (this.trace == null) {
			throw new IllegalStateException(
					"This span was asserted on alone: assert on its trace to reach its relatives");
		}
		return this.trace;
	}

}
