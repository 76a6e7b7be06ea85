package io.agenttracing.export.otlp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.agenttracing.SpanEvent;
import io.agenttracing.SpanStatus;
import io.agenttracing.export.semconv.AttributeConventions;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;

/**
 * One of our spans seen as OpenTelemetry SDK span data, so that the official OTLP
 * exporter can encode it. Built on the export thread from the immutable snapshot.
 */
final class OtlpSpan implements SpanData {

	private final io.agenttracing.SpanData span;

	private final Resource resource;

	private final InstrumentationScopeInfo scope;

	private final Attributes attributes;

	private final boolean client;

	private final List<EventData> events;

	OtlpSpan(io.agenttracing.SpanData span, io.agenttracing.TraceData trace, AttributeConventions conventions,
			Resource resource, InstrumentationScopeInfo scope) {
		this.span = span;
		this.resource = resource;
		this.scope = scope;
		this.attributes = toAttributes(conventions.attributes(span, trace));
		this.client = conventions.isClient(span);
		this.events = span.events().stream().map(OtlpSpan::toEvent).toList();
	}

	@Override
	public String getName() {
		return this.span.name();
	}

	@Override
	public SpanKind getKind() {
		return this.client ? SpanKind.CLIENT : SpanKind.INTERNAL;
	}

	@Override
	public SpanContext getSpanContext() {
		return SpanContext.create(this.span.traceId(), this.span.spanId(), TraceFlags.getSampled(),
				TraceState.getDefault());
	}

	@Override
	public SpanContext getParentSpanContext() {
		if (this.span.parentId() == null) {
			return SpanContext.getInvalid();
		}
		return SpanContext.create(this.span.traceId(), this.span.parentId(), TraceFlags.getSampled(),
				TraceState.getDefault());
	}

	@Override
	public StatusData getStatus() {
		if (this.span.status() == SpanStatus.ERROR) {
			String description = (this.span.error() != null && this.span.error().message() != null)
					? this.span.error().message() : "";
			return StatusData.create(StatusCode.ERROR, description);
		}
		return (this.span.status() == SpanStatus.OK) ? StatusData.ok() : StatusData.unset();
	}

	@Override
	public long getStartEpochNanos() {
		return this.span.startEpochNanos();
	}

	@Override
	public Attributes getAttributes() {
		return this.attributes;
	}

	@Override
	public List<EventData> getEvents() {
		return this.events;
	}

	@Override
	public List<LinkData> getLinks() {
		List<io.agenttracing.SpanData.Link> links = this.span.links();
		if (links.isEmpty()) {
			return List.of();
		}
		List<LinkData> data = new java.util.ArrayList<>(links.size());
		for (io.agenttracing.SpanData.Link link : links) {
			data.add(LinkData.create(SpanContext.createFromRemoteParent(link.traceId(), link.spanId(),
					TraceFlags.getSampled(), TraceState.getDefault()), toAttributes(link.attributes())));
		}
		return data;
	}

	@Override
	public long getEndEpochNanos() {
		return this.span.isEnded() ? this.span.endEpochNanos() : getStartEpochNanos();
	}

	@Override
	public boolean hasEnded() {
		return this.span.isEnded();
	}

	@Override
	public int getTotalRecordedEvents() {
		return this.events.size();
	}

	@Override
	public int getTotalRecordedLinks() {
		return this.span.links().size();
	}

	@Override
	public int getTotalAttributeCount() {
		return this.attributes.size();
	}

	@Override
	@SuppressWarnings("deprecation")
	public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
		return InstrumentationLibraryInfo.create(this.scope.getName(), this.scope.getVersion());
	}

	@Override
	public InstrumentationScopeInfo getInstrumentationScopeInfo() {
		return this.scope;
	}

	@Override
	public Resource getResource() {
		return this.resource;
	}

	private static EventData toEvent(SpanEvent event) {
		return EventData.create(epochNanos(event.timestamp()), event.name(), toAttributes(event.attributes()));
	}

	static long epochNanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

	static Attributes toAttributes(Map<String, Object> values) {
		AttributesBuilder builder = Attributes.builder();
		values.forEach((key, value) -> put(builder, key, value));
		return builder.build();
	}

	private static void put(AttributesBuilder builder, String key, Object value) {
		if (value instanceof String text) {
			builder.put(key, text);
		}
		else if (value instanceof Boolean bool) {
			builder.put(key, bool);
		}
		else if (value instanceof Double || value instanceof Float) {
			builder.put(key, ((Number) value).doubleValue());
		}
		else if (value instanceof Number number) {
			builder.put(key, number.longValue());
		}
		else if (value instanceof List<?> list) {
			builder.put(AttributeKey.stringArrayKey(key), list.stream().map(String::valueOf).toList());
		}
		else if (value != null) {
			builder.put(key, value.toString());
		}
	}

}
