package io.agenttracing.export.otlp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.agenttracing.TraceData;
import io.agenttracing.internal.export.ExportResults;
import io.agenttracing.export.TraceExporter;
import io.agenttracing.export.semconv.AttributeConventions;
import io.agenttracing.internal.semconv.Evaluations;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jspecify.annotations.Nullable;

/**
 * Exports traces over OTLP with the official OpenTelemetry exporter, fed by an adapter
 * from our snapshots. Each export waits for the collector's answer (retries included), so
 * a failure is counted by the pipeline and a slow collector slows only this exporter's
 * own thread.
 */
public final class OtlpTraceExporter implements TraceExporter {

	/** Instrumentation scope reported with every span. */
	public static final String SCOPE_NAME = "io.agenttracing";

	private final SpanExporter delegate;

	private final Resource resource;

	private final InstrumentationScopeInfo scope;

	private final Duration waitLimit;

	private final AttributeConventions conventions;

	OtlpTraceExporter(SpanExporter delegate, Resource resource, Duration waitLimit, AttributeConventions conventions) {
		this.conventions = conventions;
		this.delegate = delegate;
		this.resource = resource;
		this.scope = InstrumentationScopeInfo.builder(SCOPE_NAME).setVersion(LibraryVersion.get()).build();
		this.waitLimit = waitLimit;
	}

	public static OtlpExporterBuilder builder() {
		return new OtlpExporterBuilder();
	}

	/** The resource every span carries: service and SDK identity. */
	static Resource resource(String serviceName, @Nullable String serviceVersion) {
		var attributes = Attributes.builder()
			.put("service.name", serviceName)
			.put("telemetry.sdk.name", "agent-tracing")
			.put("telemetry.sdk.language", "java")
			.put("telemetry.sdk.version", LibraryVersion.get());
		if (serviceVersion != null && !serviceVersion.isBlank()) {
			attributes.put("service.version", serviceVersion);
		}
		return Resource.create(attributes.build());
	}

	@Override
	public void export(TraceData trace) {
		ExportResults.await(export(List.of(trace)));
	}

	/**
	 * Sends the spans of all the traces in one request. The request runs on the
	 * OpenTelemetry exporter's own threads (retries included); the stage completes with
	 * its outcome.
	 */
	@Override
	public CompletionStage<Void> export(List<TraceData> traces) {
		List<SpanData> spans = new ArrayList<>();
		for (TraceData exported : traces) {
			TraceData trace = Evaluations.withEvaluations(exported);
			for (io.agenttracing.SpanData span : trace.spans()) {
				spans.add(new OtlpSpan(span, trace, this.conventions, this.resource, this.scope));
			}
		}
		CompletableFuture<Void> done = new CompletableFuture<>();
		CompletableResultCode result = this.delegate.export(spans);
		result.whenComplete(() -> {
			if (result.isSuccess()) {
				done.complete(null);
			}
			else {
				Throwable cause = result.getFailureThrowable();
				String what = (traces.size() == 1) ? "trace " + traces.get(0).traceId() : traces.size() + " traces";
				done.completeExceptionally(new OtlpExportException(
						"OTLP export of " + what + " failed" + ((cause != null) ? ": " + cause : ""), cause));
			}
		});
		// The exporter times out each attempt itself; this only guards against an answer
		// that never comes.
		return done.orTimeout(this.waitLimit.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void flush() {
		this.delegate.flush().join(this.waitLimit.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void shutdown() {
		this.delegate.shutdown().join(this.waitLimit.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public String name() {
		return "otlp";
	}

	/** An export the collector did not accept. */
	static final class OtlpExportException extends RuntimeException {

		OtlpExportException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
