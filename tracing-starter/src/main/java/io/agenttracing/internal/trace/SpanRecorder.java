package io.agenttracing.internal.trace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.agenttracing.SpanData;
import io.agenttracing.Score;
import io.agenttracing.Signal;
import io.agenttracing.Span;
import io.agenttracing.SpanError;
import io.agenttracing.SpanEvent;
import io.agenttracing.SpanStatus;
import io.agenttracing.internal.support.RateLimitedLog;
import org.jspecify.annotations.Nullable;

/**
 * What a recording span records: attributes, events, signals, tags, input, output, error
 * and status, each bounded and masked by its trace's settings before the lock is taken.
 * All state is guarded by the monitor of the span's trace and frozen once the span has
 * ended; {@link RecordingSpan} adds the span's identity, scope and end.
 */
abstract sealed class SpanRecorder implements Span permits RecordingSpan {

	/**
	 * Links a span keeps; OpenTelemetry's SDK keeps 128 by default, a span here needs
	 * few.
	 */
	private static final int MAX_LINKS = 32;

	private static final RateLimitedLog invalidLinks = new RateLimitedLog(SpanRecorder.class, 1, TimeUnit.MINUTES);

	final RecordingTrace trace;

	/** Set under the trace's monitor; every change after it is ignored. */
	boolean ended;

	SpanStatus status = SpanStatus.UNSET;

	private static final Span.Level[] LEVELS = Span.Level.values();

	/** The level's ordinal: a byte fits where a reference would grow every span. */
	byte level = (byte) Span.Level.INFO.ordinal();

	/** Attributes, events, signals, tags and the error; made with the first of them. */
	@Nullable SpanContents contents;

	@Nullable String input;

	@Nullable String output;

	/** Values (attributes, names, messages) cut to their limit. */
	int truncatedValues;

	SpanRecorder(RecordingTrace trace) {
		this.trace = trace;
	}

	@Override
	public SpanStatus status() {
		synchronized (this.trace) {
			return this.status;
		}
	}

	@Override
	public Span setAttribute(String key, @Nullable Object value) {
		SpanSettings settings = this.trace.settings();
		String boundedKey = settings.name(key);
		Object kept = (value != null) ? settings.attributeValue(key, value) : null;
		// The marker itself, not an equal string, is what a secret key's value becomes:
		// the
		// key was looked up once, by attributeValue.
		if (kept == SpanSettings.REDACTED && value instanceof CharSequence secret) {
			this.trace.rememberSecret(secret.toString());
		}
		boolean cut = isCut(value, kept, settings.maxValueLength()) || boundedKey.length() != key.length();
		synchronized (this.trace) {
			if (this.ended) {
				return this;
			}
			if (kept == null && this.contents == null) {
				return this;
			}
			if (contents().putAttribute(boundedKey, kept, settings.maxAttributes())) {
				countCut(cut);
			}
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
		event.attributes().forEach((key, value) -> {
			if (value instanceof CharSequence secret && settings.isSecretKey(key)) {
				this.trace.rememberSecret(secret.toString());
			}
		});
		synchronized (this.trace) {
			if (this.ended) {
				return this;
			}
			if (contents().addEvent(kept, settings.maxEvents())) {
				countCut(cut);
			}
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
				if (contents().addSignal(signal, settings.maxSignals())) {
					countCut(signal.name().length() != name.length());
				}
			}
		}
		return this;
	}

	@Override
	public Span setLevel(Span.Level level) {
		if (level != null) {
			synchronized (this.trace) {
				if (!this.ended) {
					this.level = (byte) level.ordinal();
				}
			}
		}
		return this;
	}

	@Override
	public Span.Level level() {
		synchronized (this.trace) {
			return levelLocked();
		}
	}

	@Override
	public Span score(Score score) {
		if (score != null) {
			this.trace.score(score.forSpan(spanId()));
		}
		return this;
	}

	/**
	 * Says on this root span why tail sampling kept its trace; the caller holds the
	 * trace's monitor, and the span may have ended: the trace is being finished.
	 */
	void keptBecauseLocked(String reason) {
		contents().putAttribute(TailSampling.REASON_ATTRIBUTE, reason, Integer.MAX_VALUE);
		contents().putAttribute("sampling.priority", 1L, Integer.MAX_VALUE);
	}

	/** The span's level; the caller holds the trace's monitor or knows the span ended. */
	Span.Level levelLocked() {
		return LEVELS[this.level];
	}

	@Override
	public Span addLink(String traceId, String spanId, Map<String, Object> attributes) {
		if (traceId == null || spanId == null || !Ids.isValidTraceId(traceId) || !Ids.isValidSpanId(spanId)) {
			invalidLinks.warn("A link to trace '" + traceId + "', span '" + spanId
					+ "' was dropped: a link names a W3C trace id (32 lowercase hex characters) and span id (16)");
			return this;
		}
		SpanSettings settings = this.trace.settings();
		Map<String, Object> kept = new LinkedHashMap<>();
		if (attributes != null) {
			attributes.forEach((key, value) -> {
				if (key != null && value != null) {
					Object boundedValue = settings.attributeValue(key, value);
					if (boundedValue != null) {
						kept.put(settings.name(key), boundedValue);
					}
				}
			});
		}
		SpanData.Link link = new SpanData.Link(traceId, spanId, kept);
		synchronized (this.trace) {
			if (!this.ended) {
				contents().addLink(link, MAX_LINKS);
			}
		}
		return this;
	}

	@Override
	public Span setTag(String key, String value) {
		SpanSettings settings = this.trace.settings();
		String boundedKey = settings.name(key);
		boolean secret = settings.isSecretKey(key);
		if (secret) {
			this.trace.rememberSecret(value);
		}
		String boundedValue = secret ? SpanSettings.REDACTED : settings.text(value, settings.maxNameLength());
		boolean cut = boundedKey.length() != key.length() || value.length() > settings.maxNameLength();
		synchronized (this.trace) {
			if (!this.ended) {
				if (contents().putTag(boundedKey, boundedValue, settings.maxTags())) {
					countCut(cut);
				}
			}
		}
		return this;
	}

	// With capture.input or capture.output off, no content is recorded, whoever sets it:
	// annotated methods, the model integrations, the application's own code.

	@Override
	public Span setInput(@Nullable Object input) {
		if (this.trace.settings().captureInput()) {
			setCaptured(this.trace.settings().capturer().capture(input), true);
		}
		return this;
	}

	@Override
	public Span setOutput(@Nullable Object output) {
		if (this.trace.settings().captureOutput()) {
			setCaptured(this.trace.settings().capturer().capture(output), false);
		}
		return this;
	}

	@Override
	public Span setInputJson(@Nullable String json) {
		if (this.trace.settings().captureInput()) {
			setCaptured(sanitizedJson(json), true);
		}
		return this;
	}

	@Override
	public Span setOutputJson(@Nullable String json) {
		if (this.trace.settings().captureOutput()) {
			setCaptured(sanitizedJson(json), false);
		}
		return this;
	}

	private @Nullable String sanitizedJson(@Nullable String json) {
		return (json != null) ? this.trace.settings().json(json) : null;
	}

	/**
	 * Sets input that the tracer's capturer produced, already bounded and redacted, so it
	 * is not masked a second time.
	 */
	public void setCapturedInput(@Nullable String json) {
		setCaptured(json, true);
	}

	/** Sets output that the tracer's capturer produced; see {@link #setCapturedInput}. */
	public void setCapturedOutput(@Nullable String json) {
		setCaptured(json, false);
	}

	private void setCaptured(@Nullable String json, boolean input) {
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
			contents().error = spanError;
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
				contents().error = new SpanError("error", kept, null);
				this.status = SpanStatus.ERROR;
				countCut(message.length() > settings.maxValueLength());
			}
		}
		return this;
	}

	/**
	 * The span's collections, made on first use; the caller holds the trace's monitor.
	 */
	private SpanContents contents() {
		if (this.contents == null) {
			this.contents = new SpanContents();
		}
		return this.contents;
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

}
