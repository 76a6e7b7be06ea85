package io.agenttracing;

import io.agenttracing.internal.CurrentContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The span that records. All state is guarded by the monitor of its trace, so that ending
 * a span and publishing the trace are ordered; once ended, the span is frozen and the
 * export thread reads it without further locking.
 */
final class RecordingSpan implements Span, Scope {

	private final TraceContext trace;

	private final @Nullable RecordingSpan parent;

	private final long id;

	private final String name;

	private final SpanKind kind;

	private final long startNanos;

	private @Nullable String idHex;

	private long endNanos;

	private boolean ended;

	/** Ended after its trace was published: exported on its own, as a fragment. */
	private boolean late;

	private SpanStatus status = SpanStatus.UNSET;

	private @Nullable Map<String, Object> attributes;

	private @Nullable List<SpanEvent> events;

	private @Nullable List<Signal> signals;

	private @Nullable Map<String, String> tags;

	private @Nullable SpanError error;

	private @Nullable String input;

	private @Nullable String output;

	private int droppedAttributes;

	private int droppedEvents;

	private int droppedSignals;

	private int droppedTags;

	/** Values (attributes, names, messages) cut to their limit. */
	private int truncatedValues;

	/** The scope that was current when this span was made current, restored on close. */
	private @Nullable Scope previous;

	private boolean scoped;

	RecordingSpan(TraceContext trace, @Nullable RecordingSpan parent, long id, String name, SpanKind kind,
			long startNanos) {
		this.trace = trace;
		this.parent = parent;
		this.id = id;
		this.name = name;
		this.kind = kind;
		this.startNanos = startNanos;
	}

	void makeCurrent() {
		this.previous = CurrentContext.attach(this);
		this.scoped = true;
	}

	@Override
	public TraceContext trace() {
		return this.trace;
	}

	@Override
	public Span span() {
		return this;
	}

	@Override
	public String traceId() {
		return this.trace.traceId();
	}

	@Override
	public String spanId() {
		String hex = this.idHex;
		if (hex == null) {
			hex = Ids.hex(this.id);
			this.idHex = hex;
		}
		return hex;
	}

	@Override
	public @Nullable String parentId() {
		return (this.parent != null) ? this.parent.spanId() : this.trace.remoteParentId();
	}

	@Nullable RecordingSpan parent() {
		return this.parent;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SpanKind kind() {
		return this.kind;
	}

	@Override
	public SpanStatus status() {
		synchronized (this.trace) {
			return this.status;
		}
	}

	@Override
	public @Nullable String sessionId() {
		return this.trace.sessionId();
	}

	@Override
	public boolean isRecording() {
		return true;
	}

	@Override
	public Span setAttribute(String key, @Nullable Object value) {
		SpanSettings settings = this.trace.settings();
		String boundedKey = settings.name(key);
		Object kept = (value != null) ? settings.attributeValue(key, value) : null;
		boolean cut = isCut(value, kept, settings.maxValueLength()) || boundedKey.length() != key.length();
		synchronized (this.trace) {
			if (this.ended) {
				return this;
			}
			if (kept == null) {
				if (this.attributes != null) {
					this.attributes.remove(boundedKey);
				}
				return this;
			}
			if (this.attributes == null) {
				this.attributes = new LinkedHashMap<>();
			}
			if (this.attributes.size() >= settings.maxAttributes() && !this.attributes.containsKey(boundedKey)) {
				this.droppedAttributes++;
				return this;
			}
			this.attributes.put(boundedKey, kept);
			countCut(cut);
		}
		return this;
	}

	@Override
	public Span addEvent(String name) {
		return addEvent(SpanEvent.of(name));
	}

	@Override
	public Span addEvent(SpanEvent event) {
		SpanSettings settings = this.trace.settings();
		String name = settings.name(event.name());
		boolean cut = name.length() != event.name().length();
		SpanEvent kept = (cut || !event.attributes().isEmpty())
				? new SpanEvent(name, event.timestamp(), settings.eventAttributes(event.attributes())) : event;
		synchronized (this.trace) {
			if (this.ended) {
				return this;
			}
			if (this.events == null) {
				this.events = new ArrayList<>(2);
			}
			if (this.events.size() >= settings.maxEvents()) {
				this.droppedEvents++;
				return this;
			}
			this.events.add(kept);
			countCut(cut);
		}
		return this;
	}

	@Override
	public Span addSignal(String name, Object value) {
		SpanSettings settings = this.trace.settings();
		Signal signal = Signal.detect(settings.name(name), value);
		if (signal == null) {
			return this;
		}
		synchronized (this.trace) {
			if (!this.ended) {
				if (this.signals == null) {
					this.signals = new ArrayList<>(2);
				}
				if (this.signals.size() >= settings.maxSignals()) {
					this.droppedSignals++;
					return this;
				}
				this.signals.add(signal);
				countCut(signal.name().length() != name.length());
			}
		}
		return this;
	}

	@Override
	public Span setTag(String key, String value) {
		SpanSettings settings = this.trace.settings();
		String boundedKey = settings.name(key);
		String boundedValue = settings.isSecretKey(key) ? SpanSettings.REDACTED
				: settings.text(value, settings.maxNameLength());
		boolean cut = boundedKey.length() != key.length() || value.length() > settings.maxNameLength();
		synchronized (this.trace) {
			if (!this.ended) {
				if (this.tags == null) {
					this.tags = new LinkedHashMap<>();
				}
				if (this.tags.size() >= settings.maxTags() && !this.tags.containsKey(boundedKey)) {
					this.droppedTags++;
					return this;
				}
				this.tags.put(boundedKey, boundedValue);
				countCut(cut);
			}
		}
		return this;
	}

	@Override
	public Span setInput(@Nullable Object input) {
		setCaptured(this.trace.settings().capturer().capture(input), true);
		return this;
	}

	@Override
	public Span setOutput(@Nullable Object output) {
		setCaptured(this.trace.settings().capturer().capture(output), false);
		return this;
	}

	@Override
	public Span setInputJson(@Nullable String json) {
		setCaptured(sanitizedJson(json), true);
		return this;
	}

	@Override
	public Span setOutputJson(@Nullable String json) {
		setCaptured(sanitizedJson(json), false);
		return this;
	}

	private @Nullable String sanitizedJson(@Nullable String json) {
		return (json != null) ? this.trace.settings().json(json) : null;
	}

	/** Sets input or output that the capturer produced, already bounded and redacted. */
	void setCaptured(@Nullable String json, boolean input) {
		synchronized (this.trace) {
			if (!this.ended) {
				if (input) {
					this.input = json;
				}
				else {
					this.output = json;
				}
			}
		}
	}

	@Override
	public Span setError(Throwable error) {
		SpanErrors.Rendered rendered = SpanErrors.render(error, this.trace.settings());
		SpanError spanError = rendered.error();
		SpanEvent event = SpanEvent.of("exception")
			.withAttribute("exception.type", spanError.type())
			.withAttribute("exception.message", spanError.message())
			.withAttribute("exception.stacktrace", spanError.stackTrace());
		synchronized (this.trace) {
			if (this.ended) {
				return this;
			}
			this.error = spanError;
			this.status = SpanStatus.ERROR;
			countCut(rendered.messageCut());
		}
		return addEvent(event);
	}

	@Override
	public Span setError(String message) {
		SpanSettings settings = this.trace.settings();
		String kept = settings.text(message, settings.maxValueLength());
		synchronized (this.trace) {
			if (!this.ended) {
				this.error = new SpanError("error", kept, null);
				this.status = SpanStatus.ERROR;
				countCut(message.length() > settings.maxValueLength());
			}
		}
		return this;
	}

	/** Whether keeping {@code value} as {@code kept} cut it; the caller holds no lock. */
	private static boolean isCut(@Nullable Object value, @Nullable Object kept, int max) {
		return value instanceof CharSequence text && text.length() > max && kept instanceof String;
	}

	/** Counts a value that was cut to its limit; the caller holds the trace's monitor. */
	private void countCut(boolean cut) {
		if (cut) {
			this.truncatedValues++;
		}
	}

	@Override
	public Span setStatusIfUnset(SpanStatus status) {
		synchronized (this.trace) {
			if (!this.ended && this.status == SpanStatus.UNSET) {
				this.status = status;
			}
		}
		return this;
	}

	@Override
	public Span setStatus(SpanStatus status) {
		synchronized (this.trace) {
			if (!this.ended) {
				this.status = status;
			}
		}
		return this;
	}

	@Override
	public boolean isEnded() {
		synchronized (this.trace) {
			return this.ended;
		}
	}

	@Override
	public Duration duration() {
		synchronized (this.trace) {
			long end = this.ended ? this.endNanos : System.nanoTime();
			return Duration.ofNanos(end - this.startNanos);
		}
	}

	@Override
	public void end() {
		long now = System.nanoTime();
		priceModelCall();
		this.trace.spanEnded(this, now, null);
	}

	@Override
	public void close(SpanStatus statusIfUnset) {
		long now = System.nanoTime();
		priceModelCall();
		this.trace.spanEnded(this, now, statusIfUnset);
		leaveScope();
	}

	/**
	 * Gives an LLM span that names its model and tokens, and has no cost yet, the cost
	 * its price says.
	 */
	private void priceModelCall() {
		if (this.kind != SpanKind.LLM) {
			return;
		}
		Object model;
		long input;
		long output;
		long cached;
		synchronized (this.trace) {
			if (this.ended || this.attributes == null || this.attributes.containsKey(ModelPricing.COST_ATTRIBUTE)) {
				return;
			}
			model = this.attributes.get("gen_ai.response.model");
			if (model == null) {
				model = this.attributes.get(MODEL_ATTRIBUTE);
			}
			input = tokens(INPUT_TOKENS_ATTRIBUTE);
			output = tokens(OUTPUT_TOKENS_ATTRIBUTE);
			cached = tokens(ModelPricing.CACHED_INPUT_TOKENS_ATTRIBUTE);
		}
		if (!(model instanceof String name) || (input <= 0 && output <= 0)) {
			return;
		}
		java.math.BigDecimal cost = this.trace.settings().pricing().cost(name, input, output, cached);
		if (cost != null) {
			setAttribute(ModelPricing.COST_ATTRIBUTE, cost.doubleValue());
		}
	}

	private long tokens(String key) {
		Object value = (this.attributes != null) ? this.attributes.get(key) : null;
		return (value instanceof Number number) ? number.longValue() : 0;
	}

	/**
	 * Called by the trace under its monitor; returns whether this call ended the span.
	 */
	boolean markEnded(long nanos, boolean afterPublish, @Nullable SpanStatus statusIfUnset) {
		if (this.ended) {
			return false;
		}
		if (statusIfUnset != null && this.status == SpanStatus.UNSET) {
			this.status = statusIfUnset;
		}
		this.ended = true;
		this.endNanos = nanos;
		this.late = afterPublish;
		return true;
	}

	/**
	 * Ends the span like a call that returned: {@code OK} unless a status (an error) was
	 * set, as for {@code @Traced} methods.
	 */
	@Override
	public void close() {
		close(SpanStatus.OK);
	}

	/**
	 * Makes the scope that was current before this span current again, if this span still
	 * is.
	 */
	void leaveScope() {
		if (!this.scoped) {
			return;
		}
		Scope current = CurrentContext.get();
		if (current == this || (current instanceof RecordingSpan span && span.hasAncestor(this))) {
			CurrentContext.restore(this.previous);
		}
		this.scoped = false;
		this.previous = null;
	}

	boolean hasAncestor(RecordingSpan candidate) {
		for (RecordingSpan p = this.parent; p != null; p = p.parent) {
			if (p == candidate) {
				return true;
			}
		}
		return false;
	}

	boolean isEndedBeforePublish() {
		return this.ended && !this.late;
	}

	boolean isLate() {
		return this.late;
	}

	/** A snapshot; the caller holds the trace's monitor or knows the span is ended. */
	SpanData toData() {
		// An ended span is frozen (every setter checks 'ended' under the trace's lock),
		// so
		// its attributes are handed over, not copied: the export thread snapshots every
		// trace, and copying was a third of its time under load.
		Map<String, Object> attrs = (this.attributes == null) ? Map.of()
				: this.ended ? Collections.unmodifiableMap(this.attributes) : new LinkedHashMap<>(this.attributes);
		if (this.droppedAttributes > 0 || this.droppedEvents > 0 || this.droppedSignals > 0 || this.droppedTags > 0
				|| this.truncatedValues > 0) {
			attrs = new LinkedHashMap<>(attrs);
			putCount(attrs, "agent.tracing.dropped_attributes", this.droppedAttributes);
			putCount(attrs, "agent.tracing.dropped_events", this.droppedEvents);
			putCount(attrs, "agent.tracing.dropped_signals", this.droppedSignals);
			putCount(attrs, "agent.tracing.dropped_tags", this.droppedTags);
			putCount(attrs, "agent.tracing.truncated_values", this.truncatedValues);
		}
		long offset = this.startNanos - this.trace.startNanos();
		return new SpanData(traceId(), spanId(), parentId(), this.name, this.kind, this.status,
				this.trace.epochNanosAt(this.startNanos), this.ended ? this.trace.epochNanosAt(this.endNanos) : -1,
				offset, this.ended ? this.endNanos - this.startNanos : -1, this.trace.sessionId(), attrs,
				(this.events != null) ? List.copyOf(this.events) : List.of(), this.error, this.input, this.output,
				(this.tags != null) ? Map.copyOf(this.tags) : Map.of(),
				(this.signals != null) ? List.copyOf(this.signals) : List.of());
	}

	private static void putCount(Map<String, Object> attributes, String key, int count) {
		if (count > 0) {
			attributes.put(key, count);
		}
	}

	long startNanos() {
		return this.startNanos;
	}

	@Override
	public String toString() {
		return "Span[" + this.name + " " + this.kind + " " + spanId() + "]";
	}

}
