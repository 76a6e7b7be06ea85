package io.agenttracing.autoconfigure;

import java.time.Duration;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agenttracing.Score;
import io.agenttracing.Span;
import io.agenttracing.internal.trace.ModelPricing;
import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.internal.trace.TracerBuilder;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.internal.export.jsonl.JsonLinesTraceExporter;
import io.agenttracing.internal.export.memory.InMemoryTraceExporter;
import io.agenttracing.internal.export.otlp.OtlpDefaults;
import io.agenttracing.export.zipkin.ZipkinTraceExporter;

import io.agenttracing.export.semconv.AttributeConventions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of agent tracing. The properties validate themselves, so that a bad value
 * stops startup with a message that names the property.
 */
@ConfigurationProperties("agent.tracing")
public class TracingProperties implements Validator {

	/**
	 * Whether to trace @Traced methods at all. When false, no proxy is made for tracing
	 * and the cost is zero.
	 */
	private boolean enabled = true;

	/**
	 * Service name exported with every span. Defaults to spring.application.name.
	 */
	private @Nullable String serviceName;

	/**
	 * Service version exported with every span, if known.
	 */
	private @Nullable String serviceVersion;

	/**
	 * Order of the tracing advice among other advice on the same method. The default runs
	 * it innermost, so each attempt of a @Retryable method is its own span; a lower value
	 * wraps other advice such as @Transactional.
	 */
	private int aspectOrder = Ordered.LOWEST_PRECEDENCE;

	/**
	 * Threshold below which spans are not recorded: a @Traced(level = DEBUG) method is
	 * then not traced at all, and a span set below it is left out of its trace (its
	 * children attached to its parent; a trace's root is always kept).
	 */
	private Span.Level level = Span.Level.INFO;

	private final Sampling sampling = new Sampling();

	private final Capture capture = new Capture();

	private final Limits limits = new Limits();

	private final Exporters exporters = new Exporters();

	private final Export export = new Export();

	private final Reactor reactor = new Reactor();

	private final Http http = new Http();

	private final Metrics metrics = new Metrics();

	private final Pricing pricing = new Pricing();

	private final Integrations integrations = new Integrations();

	private final Ui ui = new Ui();

	private final Evaluation evaluation = new Evaluation();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getServiceName() {
		return this.serviceName;
	}

	public void setServiceName(@Nullable String serviceName) {
		this.serviceName = serviceName;
	}

	public @Nullable String getServiceVersion() {
		return this.serviceVersion;
	}

	public void setServiceVersion(@Nullable String serviceVersion) {
		this.serviceVersion = serviceVersion;
	}

	public Span.Level getLevel() {
		return this.level;
	}

	public void setLevel(Span.Level level) {
		this.level = level;
	}

	public int getAspectOrder() {
		return this.aspectOrder;
	}

	public void setAspectOrder(int aspectOrder) {
		this.aspectOrder = aspectOrder;
	}

	public Sampling getSampling() {
		return this.sampling;
	}

	public Capture getCapture() {
		return this.capture;
	}

	public Limits getLimits() {
		return this.limits;
	}

	public Exporters getExporters() {
		return this.exporters;
	}

	public Export getExport() {
		return this.export;
	}

	public Reactor getReactor() {
		return this.reactor;
	}

	public Http getHttp() {
		return this.http;
	}

	public Pricing getPricing() {
		return this.pricing;
	}

	public Integrations getIntegrations() {
		return this.integrations;
	}

	public Evaluation getEvaluation() {
		return this.evaluation;
	}

	public Ui getUi() {
		return this.ui;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	@Override
	public boolean supports(Class<?> type) {
		return TracingProperties.class.isAssignableFrom(type);
	}

	/**
	 * Rejects values that cannot work, so startup fails with a message naming the
	 * property.
	 */
	@Override
	public void validate(Object target, Errors errors) {
		TracingProperties properties = (TracingProperties) target;
		// The builders own the rules; a broken rule fails startup naming the property.
		TracerBuilder tracer = RecordingTracer.builder();
		Limits limits = properties.getLimits();
		byBuilder(errors, "sampling.probability",
				() -> tracer.samplingProbability(properties.getSampling().getProbability()));
		byBuilder(errors, "capture.maxValueLength",
				() -> tracer.maxValueLength(properties.getCapture().getMaxValueLength()));
		byBuilder(errors, "limits.maxSpansPerTrace", () -> tracer.maxSpansPerTrace(limits.getMaxSpansPerTrace()));
		byBuilder(errors, "limits.maxAttributesPerSpan",
				() -> tracer.maxAttributesPerSpan(limits.getMaxAttributesPerSpan()));
		byBuilder(errors, "limits.maxEventsPerSpan", () -> tracer.maxEventsPerSpan(limits.getMaxEventsPerSpan()));
		byBuilder(errors, "limits.maxStackFrames", () -> tracer.maxStackFrames(limits.getMaxStackFrames()));
		byBuilder(errors, "limits.maxSignalsPerSpan", () -> tracer.maxSignalsPerSpan(limits.getMaxSignalsPerSpan()));
		byBuilder(errors, "limits.maxTagsPerSpan", () -> tracer.maxTagsPerSpan(limits.getMaxTagsPerSpan()));
		byBuilder(errors, "limits.maxNameLength", () -> tracer.maxNameLength(limits.getMaxNameLength()));
		byBuilder(errors, "limits.maxTraceDuration", () -> tracer.maxTraceDuration(limits.getMaxTraceDuration()));
		positive(errors, "metrics.maxSpanNames", properties.getMetrics().getMaxSpanNames());
		double evaluated = properties.getEvaluation().getSamplingProbability();
		if (!(evaluated >= 0 && evaluated <= 1)) {
			errors.rejectValue("evaluation.samplingProbability", "range", "must be between 0 and 1, got " + evaluated);
		}
		positive(errors, "evaluation.queueCapacity", properties.getEvaluation().getQueueCapacity());
		properties.getEvaluation().getEvaluators().forEach((name, lane) -> {
			Double probability = lane.getSamplingProbability();
			if (probability != null && !(probability >= 0 && probability <= 1)) {
				errors.rejectValue("evaluation.evaluators[" + name + "].samplingProbability", "range",
						"must be between 0 and 1, got " + probability);
			}
			if (lane.getQueueCapacity() != null && lane.getQueueCapacity() <= 0) {
				errors.rejectValue("evaluation.evaluators[" + name + "].queueCapacity", "positive",
						"must be positive, got " + lane.getQueueCapacity());
			}
		});
		Double maxCost = properties.getEvaluation().getBudget().getMaxCost();
		if (maxCost != null && !(maxCost >= 0 && Double.isFinite(maxCost))) {
			errors.rejectValue("evaluation.budget.maxCost", "range", "must be a cost of 0 or more, got " + maxCost);
		}
		List<String> patterns = properties.getCapture().getRedactPatterns();
		for (int i = 0; i < patterns.size(); i++) {
			try {
				java.util.regex.Pattern.compile(patterns.get(i));
			}
			catch (java.util.regex.PatternSyntaxException ex) {
				errors.rejectValue("capture.redactPatterns", "invalid",
						"agent.tracing.capture.redact-patterns[" + i + "] is not a valid regular expression: "
								+ ex.getDescription() + " in '" + patterns.get(i) + "'");
			}
		}
		byBuilder(errors, "exporters.memory.maxTraces",
				() -> new InMemoryTraceExporter(properties.getExporters().getMemory().getMaxTraces()));
		ExportPipeline.Builder pipeline = ExportPipeline.builder();
		Export export = properties.getExport();
		byBuilder(errors, "export.queueCapacity", () -> pipeline.queueCapacity(export.getQueueCapacity()));
		byBuilder(errors, "export.maxBatchSpans", () -> pipeline.maxBatchSpans(export.getMaxBatchSpans()));
		byBuilder(errors, "export.maxConcurrentRequests",
				() -> pipeline.maxConcurrentRequests(export.getMaxConcurrentRequests()));
		byBuilder(errors, "export.scheduleDelay", () -> pipeline.scheduleDelay(export.getScheduleDelay()));
		byBuilder(errors, "export.timeout", () -> pipeline.shutdownTimeout(export.getTimeout()));
		properties.getPricing().getModels().forEach((model, price) -> {
			try {
				price.toPrice(model);
			}
			catch (IllegalArgumentException ex) {
				errors.reject("invalid", String.valueOf(ex.getMessage()));
			}
		});
		Exporters exporters = properties.getExporters();
		Otlp otlp = exporters.getOtlp();
		if (otlp.isEnabled()) {
			httpUrl(errors, "exporters.otlp.endpoint", otlp.getEndpoint());
			byBuilder(errors, "exporters.otlp.protocol", () -> OtlpDefaults.requireValidProtocol(otlp.getProtocol()));
			byBuilder(errors, "exporters.otlp.compression",
					() -> OtlpDefaults.requireValidCompression(otlp.getCompression()));
			byBuilder(errors, "exporters.otlp.timeout", () -> OtlpDefaults.requireValidTimeout(otlp.getTimeout()));
			Retry retry = otlp.getRetry();
			byBuilder(errors, "exporters.otlp.retry.maxAttempts",
					() -> OtlpDefaults.requireValidMaxAttempts(retry.getMaxAttempts()));
			byBuilder(errors, "exporters.otlp.retry.initialBackoff",
					() -> OtlpDefaults.requireValidBackoff("initialBackoff", retry.getInitialBackoff()));
			byBuilder(errors, "exporters.otlp.retry.maxBackoff",
					() -> OtlpDefaults.requireValidBackoff("maxBackoff", retry.getMaxBackoff()));
		}
		if (exporters.getZipkin().isEnabled()) {
			httpUrl(errors, "exporters.zipkin.endpoint", exporters.getZipkin().getEndpoint());
			byBuilder(errors, "exporters.zipkin.timeout",
					() -> ZipkinTraceExporter.builder().timeout(exporters.getZipkin().getTimeout()));
		}
		Jsonl jsonl = exporters.getJsonl();
		if (jsonl.isEnabled()) {
			if (jsonl.getPath() == null || jsonl.getPath().isBlank()) {
				reject(errors, "exporters.jsonl.path", "must not be empty");
			}
			byBuilder(errors, "exporters.jsonl.maxFileSize", () -> {
				DataSize size = jsonl.getMaxFileSize();
				JsonLinesTraceExporter.requireValid((size != null) ? size.toBytes() : 0, 1);
			});
			byBuilder(errors, "exporters.jsonl.maxFiles",
					() -> JsonLinesTraceExporter.requireValid(1, jsonl.getMaxFiles()));
		}
	}

	/**
	 * Applies a value to the builder that owns its rule; a value the builder refuses is
	 * rejected under the property's name, with the builder's reason.
	 */
	private static void byBuilder(Errors errors, String field, Runnable apply) {
		try {
			apply.run();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			reject(errors, field, "is invalid: " + ex.getMessage());
		}
	}

	private static void positive(Errors errors, String field, int value) {
		if (value <= 0) {
			reject(errors, field, "must be positive");
		}
	}

	private static void positive(Errors errors, String field, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			reject(errors, field, "must be positive");
		}
	}

	private static void httpUrl(Errors errors, String field, String value) {
		try {
			URI uri = new URI(value);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
				reject(errors, field, "must be an absolute http or https URL, got '" + value + "'");
			}
		}
		catch (URISyntaxException | NullPointerException ex) {
			reject(errors, field, "must be an absolute http or https URL, got '" + value + "'");
		}
	}

	/** Rejects a field with a message that names the property as users write it. */
	private static void reject(Errors errors, String field, String problem) {
		String property = "agent.tracing."
				+ field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
		errors.rejectValue(field, "invalid", property + " " + problem);
	}

	public static class Sampling {

		/**
		 * Probability, from 0 to 1, that an ordinary trace is exported. A trace that is
		 * not sampled is dropped whole, never in part.
		 */
		private double probability = 1.0;

		/**
		 * Whether a trace with a failed span is exported whatever the probability:
		 * decided when it finishes, so every trace is recorded while this is on.
		 */
		private boolean keepErrors = true;

		/**
		 * Traces slower than this are exported whatever the probability.
		 */
		private @Nullable Duration keepSlowerThan;

		public double getProbability() {
			return this.probability;
		}

		public void setProbability(double probability) {
			this.probability = probability;
		}

		public boolean isKeepErrors() {
			return this.keepErrors;
		}

		public void setKeepErrors(boolean keepErrors) {
			this.keepErrors = keepErrors;
		}

		public @Nullable Duration getKeepSlowerThan() {
			return this.keepSlowerThan;
		}

		public void setKeepSlowerThan(@Nullable Duration keepSlowerThan) {
			this.keepSlowerThan = keepSlowerThan;
		}

	}

	public static class Capture {

		/**
		 * Whether spans record input at all: the arguments of traced methods, the prompts
		 * of model calls, tool arguments, whatever the application sets.
		 */
		private boolean input = true;

		/**
		 * Whether spans record output at all: return values, model answers, tool results,
		 * whatever the application sets.
		 */
		private boolean output = true;

		/**
		 * Longest text kept for one value: a captured argument or result, an attribute
		 * value, an error message or stack trace. Longer values are cut and say so.
		 */
		private int maxValueLength = TracerBuilder.DEFAULT_MAX_VALUE_LENGTH;

		/**
		 * Keys whose values are replaced by [REDACTED], in addition to the built-in ones
		 * (password, passwd, secret, token, api-key, apikey, authorization, credential,
		 * credentials, private-key, secret-key, cookie, bearer, session-token). A key
		 * matches when, ignoring case, '-', '_' and '.', it equals or ends with one of
		 * these.
		 */
		private List<String> redactKeys = new ArrayList<>();

		/**
		 * Built-in secret keys whose values are captured anyway. Use with care: a value
		 * under such a key leaves the process in plain text.
		 */
		private List<String> unredactedKeys = new ArrayList<>();

		/**
		 * Regular expressions of secret text, masked wherever they appear, in addition to
		 * the built-in ones (Bearer and Basic credentials, sk-... and AKIA... keys, JWTs,
		 * GitHub and Google keys, password=... and api_key=... pairs). A match is
		 * replaced whole, or only its group named 'secret' if it has one.
		 */
		private List<String> redactPatterns = new ArrayList<>();

		/**
		 * Names of HTTP headers that may be captured when a value holds headers; no other
		 * header ever is.
		 */
		private List<String> allowedHeaders = new ArrayList<>();

		public boolean isInput() {
			return this.input;
		}

		public void setInput(boolean input) {
			this.input = input;
		}

		public boolean isOutput() {
			return this.output;
		}

		public void setOutput(boolean output) {
			this.output = output;
		}

		public int getMaxValueLength() {
			return this.maxValueLength;
		}

		public void setMaxValueLength(int maxValueLength) {
			this.maxValueLength = maxValueLength;
		}

		public List<String> getRedactKeys() {
			return this.redactKeys;
		}

		public void setRedactKeys(List<String> redactKeys) {
			this.redactKeys = redactKeys;
		}

		public List<String> getUnredactedKeys() {
			return this.unredactedKeys;
		}

		public void setUnredactedKeys(List<String> unredactedKeys) {
			this.unredactedKeys = unredactedKeys;
		}

		public List<String> getRedactPatterns() {
			return this.redactPatterns;
		}

		public void setRedactPatterns(List<String> redactPatterns) {
			this.redactPatterns = redactPatterns;
		}

		public List<String> getAllowedHeaders() {
			return this.allowedHeaders;
		}

		public void setAllowedHeaders(List<String> allowedHeaders) {
			this.allowedHeaders = allowedHeaders;
		}

	}

	public static class Limits {

		/**
		 * Most spans recorded in one trace; further spans are counted and dropped.
		 */
		private int maxSpansPerTrace = TracerBuilder.DEFAULT_MAX_SPANS_PER_TRACE;

		/**
		 * Most attributes recorded on one span; further attributes are counted and
		 * dropped.
		 */
		private int maxAttributesPerSpan = TracerBuilder.DEFAULT_MAX_ATTRIBUTES_PER_SPAN;

		/**
		 * Most events recorded on one span; further events are counted and dropped.
		 */
		private int maxEventsPerSpan = TracerBuilder.DEFAULT_MAX_EVENTS_PER_SPAN;

		/**
		 * Most stack frames recorded for an error.
		 */
		private int maxStackFrames = TracerBuilder.DEFAULT_MAX_STACK_FRAMES;

		/**
		 * Most signals recorded on one span; further signals are counted and dropped.
		 */
		private int maxSignalsPerSpan = TracerBuilder.DEFAULT_MAX_SIGNALS_PER_SPAN;

		/**
		 * Most tags recorded on one span; further tags are counted and dropped.
		 */
		private int maxTagsPerSpan = TracerBuilder.DEFAULT_MAX_TAGS_PER_SPAN;

		/**
		 * Longest name kept: span, event, signal, attribute and tag names, tag values and
		 * the session id. Longer ones are cut, say so, and are counted.
		 */
		private int maxNameLength = TracerBuilder.DEFAULT_MAX_NAME_LENGTH;

		/**
		 * Longest time a trace stays open: one whose root has not ended by then (a future
		 * never completed, a stuck thread) is exported, marked incomplete, with the spans
		 * it has.
		 */
		private Duration maxTraceDuration = TracerBuilder.DEFAULT_MAX_TRACE_DURATION;

		public Duration getMaxTraceDuration() {
			return this.maxTraceDuration;
		}

		public void setMaxTraceDuration(Duration maxTraceDuration) {
			this.maxTraceDuration = maxTraceDuration;
		}

		public int getMaxSignalsPerSpan() {
			return this.maxSignalsPerSpan;
		}

		public void setMaxSignalsPerSpan(int maxSignalsPerSpan) {
			this.maxSignalsPerSpan = maxSignalsPerSpan;
		}

		public int getMaxTagsPerSpan() {
			return this.maxTagsPerSpan;
		}

		public void setMaxTagsPerSpan(int maxTagsPerSpan) {
			this.maxTagsPerSpan = maxTagsPerSpan;
		}

		public int getMaxNameLength() {
			return this.maxNameLength;
		}

		public void setMaxNameLength(int maxNameLength) {
			this.maxNameLength = maxNameLength;
		}

		public int getMaxSpansPerTrace() {
			return this.maxSpansPerTrace;
		}

		public void setMaxSpansPerTrace(int maxSpansPerTrace) {
			this.maxSpansPerTrace = maxSpansPerTrace;
		}

		public int getMaxAttributesPerSpan() {
			return this.maxAttributesPerSpan;
		}

		public void setMaxAttributesPerSpan(int maxAttributesPerSpan) {
			this.maxAttributesPerSpan = maxAttributesPerSpan;
		}

		public int getMaxEventsPerSpan() {
			return this.maxEventsPerSpan;
		}

		public void setMaxEventsPerSpan(int maxEventsPerSpan) {
			this.maxEventsPerSpan = maxEventsPerSpan;
		}

		public int getMaxStackFrames() {
			return this.maxStackFrames;
		}

		public void setMaxStackFrames(int maxStackFrames) {
			this.maxStackFrames = maxStackFrames;
		}

	}

	public static class Exporters {

		private final Console console = new Console();

		private final Memory memory = new Memory();

		private final Jsonl jsonl = new Jsonl();

		private final Otlp otlp = new Otlp();

		private final Zipkin zipkin = new Zipkin();

		public Console getConsole() {
			return this.console;
		}

		public Jsonl getJsonl() {
			return this.jsonl;
		}

		public Otlp getOtlp() {
			return this.otlp;
		}

		public Zipkin getZipkin() {
			return this.zipkin;
		}

		public Memory getMemory() {
			return this.memory;
		}

	}

	public static class Console {

		/**
		 * Whether to print finished traces to standard output.
		 */
		private boolean enabled;

		/**
		 * How to print traces: a readable tree with a timeline, or one line of JSON per
		 * trace.
		 */
		private Format format = Format.TREE;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Format getFormat() {
			return this.format;
		}

		public void setFormat(Format format) {
			this.format = format;
		}

		/** How the console prints a trace. */
		public enum Format {

			/** An indented tree with a timeline bar per span. */
			TREE,

			/** One line of JSON per trace. */
			JSON

		}

	}

	public static class Memory {

		/**
		 * Whether to keep recent traces in memory for the traces actuator endpoint.
		 */
		private boolean enabled = true;

		/**
		 * Most traces kept in memory; the oldest is forgotten first.
		 */
		private int maxTraces = InMemoryTraceExporter.DEFAULT_MAX_TRACES;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxTraces() {
			return this.maxTraces;
		}

		public void setMaxTraces(int maxTraces) {
			this.maxTraces = maxTraces;
		}

	}

	public static class Jsonl {

		/**
		 * Whether to append each finished trace as one line of JSON to a file.
		 */
		private boolean enabled;

		/**
		 * File the traces are appended to.
		 */
		private String path = JsonLinesTraceExporter.DEFAULT_PATH;

		/**
		 * Size at which the file is rotated: renamed with a .1 suffix (older files shift
		 * up).
		 */
		private DataSize maxFileSize = DataSize.ofBytes(JsonLinesTraceExporter.DEFAULT_MAX_FILE_SIZE);

		/**
		 * Rotated files kept besides the current one.
		 */
		private int maxFiles = JsonLinesTraceExporter.DEFAULT_MAX_FILES;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public DataSize getMaxFileSize() {
			return this.maxFileSize;
		}

		public void setMaxFileSize(DataSize maxFileSize) {
			this.maxFileSize = maxFileSize;
		}

		public int getMaxFiles() {
			return this.maxFiles;
		}

		public void setMaxFiles(int maxFiles) {
			this.maxFiles = maxFiles;
		}

	}

	public static class Otlp {

		/**
		 * Whether to export traces over OTLP (Jaeger, Tempo, Phoenix, Langfuse, an
		 * OpenTelemetry Collector). Needs io.opentelemetry:opentelemetry-exporter-otlp.
		 */
		private boolean enabled;

		/**
		 * Full URL traces are sent to: for http/protobuf including the path, e.g.
		 * http://localhost:4318/v1/traces; for grpc, e.g. http://localhost:4317.
		 */
		private String endpoint = OtlpDefaults.ENDPOINT;

		/**
		 * Transport: "http/protobuf" or "grpc".
		 */
		private String protocol = OtlpDefaults.PROTOCOL;

		/**
		 * Headers sent with every export, e.g. Authorization for Langfuse or api_key for
		 * Phoenix.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Longest time one export request may take.
		 */
		private Duration timeout = OtlpDefaults.TIMEOUT;

		/**
		 * Attribute families written on every span, each with the span's content once:
		 * genai (OpenTelemetry GenAI conventions: Jaeger, Tempo, Datadog, Langfuse),
		 * openinference (Phoenix, Langfuse), langfuse (Langfuse's own: levels, prompts,
		 * usage and cost details). Zipkin tags follow the same choice.
		 */
		private List<AttributeConventions.Family> conventions = new ArrayList<>(
				List.of(AttributeConventions.Family.GENAI, AttributeConventions.Family.OPENINFERENCE));

		/**
		 * Compression of export requests: "none" or "gzip".
		 */
		private String compression = OtlpDefaults.COMPRESSION;

		private final Retry retry = new Retry();

		public Retry getRetry() {
			return this.retry;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(String endpoint) {
			this.endpoint = endpoint;
		}

		public String getProtocol() {
			return this.protocol;
		}

		public void setProtocol(String protocol) {
			this.protocol = protocol;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

		public List<AttributeConventions.Family> getConventions() {
			return this.conventions;
		}

		public void setConventions(List<AttributeConventions.Family> conventions) {
			this.conventions = conventions;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public String getCompression() {
			return this.compression;
		}

		public void setCompression(String compression) {
			this.compression = compression;
		}

	}

	public static class Retry {

		/**
		 * Attempts per export, the first included, for answers 429, 502, 503, 504 and
		 * refused connections.
		 */
		private int maxAttempts = OtlpDefaults.MAX_ATTEMPTS;

		/**
		 * Wait before the first retry; each further wait is 1.5 times longer.
		 */
		private Duration initialBackoff = OtlpDefaults.INITIAL_BACKOFF;

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxBackoff = OtlpDefaults.MAX_BACKOFF;

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	public static class Zipkin {

		/**
		 * Whether to export traces to Zipkin as v2 JSON.
		 */
		private boolean enabled;

		/**
		 * URL of Zipkin's span intake.
		 */
		private String endpoint = ZipkinTraceExporter.DEFAULT_ENDPOINT;

		/**
		 * Longest time one export request may take.
		 */
		private Duration timeout = ZipkinTraceExporter.DEFAULT_TIMEOUT;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(String endpoint) {
			this.endpoint = endpoint;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	public static class Export {

		/**
		 * Most finished traces waiting for each exporter; when its queue is full, new
		 * traces are dropped for that exporter and counted rather than blocking the
		 * application.
		 */
		private int queueCapacity = ExportPipeline.DEFAULT_QUEUE_CAPACITY;

		/**
		 * Longest time a finished trace waits in a queue before the exporter's thread
		 * wakes up.
		 */
		private Duration scheduleDelay = ExportPipeline.DEFAULT_SCHEDULE_DELAY;

		/**
		 * Longest time graceful shutdown waits for queued traces to be exported.
		 */
		private Duration timeout = ExportPipeline.DEFAULT_SHUTDOWN_TIMEOUT;

		/**
		 * Most spans in one batch handed to an exporter (one OTLP or Zipkin request); a
		 * trace larger than this goes alone, whole.
		 */
		private int maxBatchSpans = ExportPipeline.DEFAULT_MAX_BATCH_SPANS;

		/**
		 * Most requests of one exporter in flight at once, so that one slow round trip to
		 * a remote collector does not cap throughput.
		 */
		private int maxConcurrentRequests = ExportPipeline.DEFAULT_MAX_CONCURRENT_REQUESTS;

		public int getMaxBatchSpans() {
			return this.maxBatchSpans;
		}

		public void setMaxBatchSpans(int maxBatchSpans) {
			this.maxBatchSpans = maxBatchSpans;
		}

		public int getMaxConcurrentRequests() {
			return this.maxConcurrentRequests;
		}

		public void setMaxConcurrentRequests(int maxConcurrentRequests) {
			this.maxConcurrentRequests = maxConcurrentRequests;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public Duration getScheduleDelay() {
			return this.scheduleDelay;
		}

		public void setScheduleDelay(Duration scheduleDelay) {
			this.scheduleDelay = scheduleDelay;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	public static class Pricing {

		/**
		 * Whether LLM spans get a cost from the built-in price table of common models
		 * (read on the date ModelPricing.BUILT_IN_PRICES_READ_ON gives). Models given
		 * under 'models' are priced either way.
		 */
		private boolean builtIn = true;

		/**
		 * Prices by model name, in US dollars per million tokens; they replace built-in
		 * prices of the same model.
		 */
		private Map<String, ModelPrice> models = new LinkedHashMap<>();

		public boolean isBuiltIn() {
			return this.builtIn;
		}

		public void setBuiltIn(boolean builtIn) {
			this.builtIn = builtIn;
		}

		public Map<String, ModelPrice> getModels() {
			return this.models;
		}

		public void setModels(Map<String, ModelPrice> models) {
			this.models = models;
		}

		/** The price table these properties describe. */
		ModelPricing toPricing() {
			ModelPricing pricing = this.builtIn ? ModelPricing.builtIn() : ModelPricing.none();
			for (Map.Entry<String, ModelPrice> model : this.models.entrySet()) {
				pricing = pricing.with(model.getKey(), model.getValue().toPrice(model.getKey()));
			}
			return pricing;
		}

	}

	public static class ModelPrice {

		/**
		 * Price of one million input tokens, in US dollars.
		 */
		private double inputPerMillion;

		/**
		 * Price of one million output tokens, in US dollars.
		 */
		private double outputPerMillion;

		/**
		 * Price of one million input tokens read from the provider's cache, in US
		 * dollars. Defaults to the input price.
		 */
		private @Nullable Double cachedInputPerMillion;

		public double getInputPerMillion() {
			return this.inputPerMillion;
		}

		public void setInputPerMillion(double inputPerMillion) {
			this.inputPerMillion = inputPerMillion;
		}

		public double getOutputPerMillion() {
			return this.outputPerMillion;
		}

		public void setOutputPerMillion(double outputPerMillion) {
			this.outputPerMillion = outputPerMillion;
		}

		public @Nullable Double getCachedInputPerMillion() {
			return this.cachedInputPerMillion;
		}

		public void setCachedInputPerMillion(@Nullable Double cachedInputPerMillion) {
			this.cachedInputPerMillion = cachedInputPerMillion;
		}

		ModelPricing.Price toPrice(String model) {
			try {
				return new ModelPricing.Price(this.inputPerMillion, this.outputPerMillion, this.cachedInputPerMillion);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("agent.tracing.pricing.models." + model + ": " + ex.getMessage(),
						ex);
			}
		}

	}

	public static class Evaluation {

		/**
		 * Share of finished traces each evaluator judges, from 0 to 1.
		 */
		private double samplingProbability = 1.0;

		/**
		 * Finished traces waiting for each evaluator, at most; more are dropped for that
		 * evaluator and counted, so a slow one never holds memory or slows anything.
		 */
		private int queueCapacity = 100;

		private final Switch toolErrors = new Switch();

		private final Budget budget = new Budget();

		/**
		 * Per evaluator, by its name (tool-errors, budget, or a Score.Evaluator's
		 * name()): a sampling-probability and a queue-capacity of its own.
		 */
		private Map<String, Lane> evaluators = new LinkedHashMap<>();

		public double getSamplingProbability() {
			return this.samplingProbability;
		}

		public void setSamplingProbability(double samplingProbability) {
			this.samplingProbability = samplingProbability;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public Map<String, Lane> getEvaluators() {
			return this.evaluators;
		}

		public void setEvaluators(Map<String, Lane> evaluators) {
			this.evaluators = evaluators;
		}

		/** The sampling probability of the named evaluator. */
		public double samplingProbabilityOf(String evaluator) {
			Lane lane = this.evaluators.get(evaluator);
			return (lane != null && lane.getSamplingProbability() != null) ? lane.getSamplingProbability()
					: this.samplingProbability;
		}

		/** The queue capacity of the named evaluator. */
		public int queueCapacityOf(String evaluator) {
			Lane lane = this.evaluators.get(evaluator);
			return (lane != null && lane.getQueueCapacity() != null) ? lane.getQueueCapacity() : this.queueCapacity;
		}

		/** What one evaluator does differently from the others. */
		public static class Lane {

			/**
			 * Share of finished traces this evaluator judges, from 0 to 1.
			 */
			private @Nullable Double samplingProbability;

			/**
			 * Finished traces waiting for this evaluator, at most.
			 */
			private @Nullable Integer queueCapacity;

			public @Nullable Double getSamplingProbability() {
				return this.samplingProbability;
			}

			public void setSamplingProbability(@Nullable Double samplingProbability) {
				this.samplingProbability = samplingProbability;
			}

			public @Nullable Integer getQueueCapacity() {
				return this.queueCapacity;
			}

			public void setQueueCapacity(@Nullable Integer queueCapacity) {
				this.queueCapacity = queueCapacity;
			}

		}

		/** The built-in tool_success evaluator: did every tool call succeed? */
		public Switch getToolErrors() {
			return this.toolErrors;
		}

		public Budget getBudget() {
			return this.budget;
		}

		public static class Switch {

			/**
			 * Whether to run this built-in evaluator.
			 */
			private boolean enabled;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

		/** The built-in within_budget evaluator. */
		public static class Budget extends Switch {

			/**
			 * Longest a trace may take to be within budget.
			 */
			private @Nullable Duration maxDuration;

			/**
			 * Highest cost in US dollars a trace may have to be within budget.
			 */
			private @Nullable Double maxCost;

			public @Nullable Duration getMaxDuration() {
				return this.maxDuration;
			}

			public void setMaxDuration(@Nullable Duration maxDuration) {
				this.maxDuration = maxDuration;
			}

			public @Nullable Double getMaxCost() {
				return this.maxCost;
			}

			public void setMaxCost(@Nullable Double maxCost) {
				this.maxCost = maxCost;
			}

		}

	}

	public static class Ui {

		/**
		 * Whether to serve the trace viewer at the traces endpoint's path + /ui/, where
		 * that endpoint is exposed over HTTP.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	public static class Integrations {

		private final Integration springAi = new Integration();

		private final Integration langchain4j = new Integration();

		public Integration getSpringAi() {
			return this.springAi;
		}

		public Integration getLangchain4j() {
			return this.langchain4j;
		}

	}

	public static class Integration {

		/**
		 * Whether the library's calls are traced without annotations, when the library is
		 * on the class path.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	public static class Reactor {

		/**
		 * Whether to turn on Reactor's automatic context propagation, so that spans
		 * started inside operators, on any scheduler, join the trace of the subscriber.
		 */
		private boolean contextPropagation = true;

		public boolean isContextPropagation() {
			return this.contextPropagation;
		}

		public void setContextPropagation(boolean contextPropagation) {
			this.contextPropagation = contextPropagation;
		}

	}

	public static class Http {

		/**
		 * Whether each outgoing request of a RestClient, RestTemplate or WebClient built
		 * from Boot's builders gets a span of kind NETWORK. Without, requests still carry
		 * traceparent, tracestate and baggage.
		 */
		private boolean clientSpans = true;

		/**
		 * Whether a 4xx answer sets the client span's status to ERROR. By default it is
		 * recorded as the server's answer and the span stays OK; a 5xx or an I/O error is
		 * always an ERROR.
		 */
		private boolean errorOn4xx;

		public boolean isClientSpans() {
			return this.clientSpans;
		}

		public void setClientSpans(boolean clientSpans) {
			this.clientSpans = clientSpans;
		}

		public boolean isErrorOn4xx() {
			return this.errorOn4xx;
		}

		public void setErrorOn4xx(boolean errorOn4xx) {
			this.errorOn4xx = errorOn4xx;
		}

	}

	public static class Metrics {

		/**
		 * Whether the span duration timer is also tagged by span name. Off by default:
		 * generated span names would grow one series per name without bound.
		 */
		private boolean spanNames;

		/**
		 * Most span names tagged when span-names is on; spans past the limit share the
		 * name 'other'.
		 */
		private int maxSpanNames = 100;

		public boolean isSpanNames() {
			return this.spanNames;
		}

		public void setSpanNames(boolean spanNames) {
			this.spanNames = spanNames;
		}

		public int getMaxSpanNames() {
			return this.maxSpanNames;
		}

		public void setMaxSpanNames(int maxSpanNames) {
			this.maxSpanNames = maxSpanNames;
		}

	}

	/**
	 * The JDBC trace store, used with {@code agent.tracing.store=jdbc}.
	 */
	@ConfigurationProperties("agent.tracing.store.jdbc")
	public static class JdbcStore {

		/**
		 * When to create the store's tables: embedded (only in an embedded database such
		 * as H2), always (whenever they are missing), never (a DBA applies
		 * classpath:io/agenttracing/store/schema-postgresql.sql).
		 */
		private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

		/**
		 * Prefix of the store's table names.
		 */
		private String tablePrefix = "AGENT_TRACING_";

		/**
		 * How long traces are kept.
		 */
		private Duration retention = Duration.ofDays(7);

		/**
		 * Most traces kept; the oldest are deleted first.
		 */
		private long maxTraces = 1_000_000;

		/**
		 * How often one instance deletes what is past retention.
		 */
		private Duration retentionInterval = Duration.ofMinutes(5);

		public InitializeSchema getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(InitializeSchema initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public String getTablePrefix() {
			return this.tablePrefix;
		}

		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

		public long getMaxTraces() {
			return this.maxTraces;
		}

		public void setMaxTraces(long maxTraces) {
			this.maxTraces = maxTraces;
		}

		public Duration getRetentionInterval() {
			return this.retentionInterval;
		}

		public void setRetentionInterval(Duration retentionInterval) {
			this.retentionInterval = retentionInterval;
		}

		/**
		 * When to create the store's tables, as Spring Session and Spring Batch say it.
		 */
		public enum InitializeSchema {

			/** Only in an embedded database (H2, HSQLDB, Derby). */
			EMBEDDED,

			/** Whenever they are missing. */
			ALWAYS,

			/** Never: a DBA applies the script. */
			NEVER

		}

	}

}
