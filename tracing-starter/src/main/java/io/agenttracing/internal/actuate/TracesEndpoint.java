package io.agenttracing.internal.actuate;

import java.time.Instant;
import java.util.Arrays;

import io.agenttracing.Span;
import io.agenttracing.Score;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.export.memory.TraceQuery;
import io.agenttracing.export.memory.TraceRepository;
import io.agenttracing.internal.store.TraceStoreUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code traces} endpoint: recent traces, newest first, one trace with all its spans,
 * scores added to a trace, and clearing the store. Read-only unless the application
 * grants more ({@code management.endpoint.traces.access=unrestricted}), so that clearing
 * is never open by accident.
 */
@Endpoint(id = "traces", defaultAccess = Access.READ_ONLY)
public class TracesEndpoint {

	private final TraceRepository repository;

	private final Score.@Nullable Recorder scores;

	public TracesEndpoint(TraceRepository repository) {
		this(repository, null);
	}

	public TracesEndpoint(TraceRepository repository, Score.@Nullable Recorder scores) {
		this.repository = repository;
		this.scores = scores;
	}

	/**
	 * Recent traces, newest first, at most {@code limit}: those holding a span of
	 * {@code kind}, with {@code status}, in {@code session}, holding the text {@code q}
	 * (in a span name, attribute, input or output), with ({@code errors=true}) or without
	 * ({@code false}) an ERROR span, of {@code user}, tagged {@code tag}, reaching
	 * {@code level} (a span at that level or above), with a {@code score} such as
	 * {@code helpful=true} or {@code relevance>0.5}, started {@code before} an instant
	 * (the next page: the start of the last trace of the page before). An unknown kind,
	 * status or level, a malformed score condition or instant, answers 400.
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> traces(@Nullable String kind, @Nullable String status,
			@Nullable String session, @Nullable Integer limit, @Nullable String q, @Nullable Boolean errors,
			@Nullable String user, @Nullable String tag, @Nullable String level, @Nullable String score,
			@Nullable String before) {
		TraceQuery query;
		try {
			query = new TraceQuery(parse("kind", kind, SpanKind.class), parse("status", status, SpanStatus.class),
					session, (limit != null && limit > 0) ? limit : TraceQuery.DEFAULT_LIMIT, q, errors,
					blankToNull(user), blankToNull(tag), parse("level", level, Span.Level.class), blankToNull(score),
					instant(before));
		}
		catch (IllegalArgumentException ex) {
			// Answered in the body, so the caller reads it whatever
			// server.error.include-message says.
			return new WebEndpointResponse<>(
					new InvalidQueryDescriptor(WebEndpointResponse.STATUS_BAD_REQUEST, String.valueOf(ex.getMessage())),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		try {
			return new WebEndpointResponse<>(TracesDescriptor.of(this.repository.findAll(query)));
		}
		catch (TraceStoreUnavailableException ex) {
			return unavailable(ex);
		}
	}

	/**
	 * One trace with all its spans; 404 for an unknown id, 503 while the trace store's
	 * database cannot be read.
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> trace(@Selector String traceId) {
		try {
			return this.repository.findById(traceId)
				.map((trace) -> new WebEndpointResponse<OperationResponseBody>(TraceDescriptor.of(trace)))
				.orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
		}
		catch (TraceStoreUnavailableException ex) {
			return unavailable(ex);
		}
	}

	private static WebEndpointResponse<OperationResponseBody> unavailable(TraceStoreUnavailableException ex) {
		return new WebEndpointResponse<>(new InvalidQueryDescriptor(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE,
				String.valueOf(ex.getMessage())), WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
	}

	private static @Nullable Instant instant(@Nullable String before) {
		if (before == null || before.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(before.trim());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"before must be an instant such as 2026-12-06T14:00:00Z (a trace's startTime), got '" + before
							+ "'");
		}
	}

	private static <E extends Enum<E>> @Nullable E parse(String parameter, @Nullable String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value.trim())) {
				return constant;
			}
		}
		String message = "Unknown " + parameter + " '" + value + "': use one of "
				+ Arrays.toString(type.getEnumConstants());
		throw new IllegalArgumentException(message);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	@DeleteOperation
	public void clear() {
		this.repository.clear();
	}

	/**
	 * {@code POST /actuator/traces/{traceId}/scores} with a JSON body {@code name},
	 * {@code value} (a number, {@code true}/{@code false}, or a label), and optionally
	 * {@code comment}, {@code source} (default {@code USER_FEEDBACK}) and {@code spanId}:
	 * adds a score to a stored trace. 400 naming what is wrong, 404 for a trace the store
	 * does not hold. A write: only with {@code access=unrestricted}.
	 */
	@WriteOperation
	public WebEndpointResponse<OperationResponseBody> score(@Selector String traceId, @Selector String scores,
			@Nullable String name, @Nullable Object value, @Nullable String comment, @Nullable String source,
			@Nullable String spanId) {
		if (!"scores".equals(scores) || this.scores == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		Score score;
		try {
			score = ScoreRequests.score(name, value, comment, source);
		}
		catch (IllegalArgumentException ex) {
			return badRequest(String.valueOf(ex.getMessage()));
		}
		Score.Recorder.Result result = this.scores.add(traceId, blankToNull(spanId), score);
		return switch (result.outcome()) {
			case ADDED, EXPORTED ->
				new WebEndpointResponse<>(ScoreDescriptor.of(score.forSpan(blankToNull(spanId)), result.message()),
						WebEndpointResponse.STATUS_OK);
			case UNKNOWN_TRACE -> new WebEndpointResponse<>(
					new InvalidQueryDescriptor(WebEndpointResponse.STATUS_NOT_FOUND, result.message()),
					WebEndpointResponse.STATUS_NOT_FOUND);
			case REFUSED -> badRequest(result.message());
		};
	}

	private static WebEndpointResponse<OperationResponseBody> badRequest(String message) {
		return new WebEndpointResponse<>(new InvalidQueryDescriptor(WebEndpointResponse.STATUS_BAD_REQUEST, message),
				WebEndpointResponse.STATUS_BAD_REQUEST);
	}

}
