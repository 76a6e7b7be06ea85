package io.agenttracing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One trace: the spans of one request or of one outermost traced call. The span that is
 * current is per thread, so {@link #startSpan}, {@link #currentSpanId()},
 * {@link #addEvent} and {@link #setAttribute} act on the calling thread's current span of
 * this trace. Obtain it with {@link Tracing#currentTrace()}.
 * <p>
 * Who the trace serves (user, session, tags, baggage) travels with every call it makes to
 * other services.
 */
public interface TraceContext {

	/** The baggage entry, and exported attribute, of the trace's user. */
	String USER_ID_KEY = "user.id";

	/** The baggage entry, and exported attribute, of the session's readable name. */
	String SESSION_NAME_KEY = "session.name";

	/** The baggage entry of the trace's tags, comma-separated. */
	String TAGS_KEY = "trace.tags";

	/** 32 lowercase hex characters. */
	String traceId();

	/** The name of the trace: given when opened, else the name of its first root span. */
	@Nullable String name();

	Instant startTime();

	/** Time since the trace started. */
	Duration elapsed();

	/**
	 * Starts a span as a child of this thread's current span of this trace (or as a root)
	 * and makes it current on this thread.
	 * @return the new span's id
	 */
	String startSpan(String name, SpanKind kind);

	/**
	 * Ends the span with that id and, if it is current on this thread, makes its parent
	 * current.
	 */
	void endSpan(String spanId);

	/** The id of this thread's current span of this trace, or {@code null}. */
	@Nullable String currentSpanId();

	/** The span of this trace with that id, or {@code null}. */
	@Nullable Span getSpan(String spanId);

	/** Adds an event to this thread's current span of this trace. */
	void addEvent(String name);

	/** Sets an attribute on this thread's current span of this trace. */
	void setAttribute(String key, @Nullable Object value);

	/** All spans started in this trace so far, in start order. */
	List<Span> spans();

	int spanCount();

	/**
	 * The trace as JSON, including spans still running, in the same shape as the actuator
	 * endpoint.
	 */
	String toJson();

	/** Whether the trace is recorded and exported. */
	boolean isSampled();

	@Nullable String sessionId();

	/**
	 * Sets the session this trace belongs to; it appears on every span of the trace and
	 * travels to called services.
	 */
	void setSessionId(@Nullable String sessionId);

	/** The user this trace serves; it travels to called services in baggage. */
	@Nullable String userId();

	/** Sets the user this trace serves; {@code null} removes it. */
	void setUserId(@Nullable String userId);

	/** A readable name of the session; it travels to called services in baggage. */
	@Nullable String sessionName();

	/** Sets a readable name of the session; {@code null} removes it. */
	void setSessionName(@Nullable String sessionName);

	/** Labels of the whole trace, in the order they were added. */
	List<String> tags();

	/**
	 * Adds labels to the whole trace; they travel to called services in baggage. A label
	 * loses commas and surrounding spaces; at most 32 are kept.
	 */
	void addTags(String... tags);

	/**
	 * The W3C baggage entries this trace passes on to the services it calls, besides the
	 * session: those received from the caller and those set with {@link #setBaggage}.
	 */
	Map<String, String> baggage();

	/**
	 * Sets a W3C baggage entry (a user id, a tenant) that travels with every call this
	 * trace makes to other services; {@code null} removes it. At most 64 entries are kept
	 * and names and values are cut to the name limit. The session travels as
	 * {@code session.id} on its own.
	 */
	void setBaggage(String key, @Nullable String value);

	/**
	 * Gives the trace a score while it runs, such as a self-check of the agent; it is
	 * kept with the trace and exported with it. A trace keeps at most 100 scores.
	 */
	TraceContext score(Score score);

	/** The scores given to the trace so far. */
	List<Score> scores();

}
