package io.agenttracing.internal.trace;

import java.util.List;
import java.util.Map;

import io.agenttracing.TraceContext;
import org.jspecify.annotations.Nullable;

/**
 * What a recording trace knows of whom it serves: its session, and the W3C baggage that
 * travels with every call it makes (user, session name, tags, entries of the caller).
 * Guarded by the trace's monitor; {@link RecordingTrace} adds the spans and their life.
 */
abstract sealed class IdentifiedTrace implements TraceContext permits RecordingTrace {

	private final SpanSettings settings;

	volatile @Nullable String sessionId;

	/** Baggage, user and tags; made when the first is set. */
	@Nullable TraceIdentity identity;

	IdentifiedTrace(SpanSettings settings) {
		this.settings = settings;
	}

	SpanSettings settings() {
		return this.settings;
	}

	@Override
	public @Nullable String sessionId() {
		return this.sessionId;
	}

	@Override
	public void setSessionId(@Nullable String sessionId) {
		this.sessionId = (sessionId != null) ? settings().name(sessionId) : null;
	}

	@Override
	public synchronized Map<String, String> baggage() {
		return (this.identity != null) ? this.identity.baggage() : Map.of();
	}

	@Override
	public synchronized void setBaggage(String key, @Nullable String value) {
		identity().setBaggage(key, value);
	}

	@Override
	public synchronized @Nullable String userId() {
		return (this.identity != null) ? this.identity.userId() : null;
	}

	@Override
	public void setUserId(@Nullable String userId) {
		setBaggage(USER_ID_KEY, userId);
	}

	@Override
	public synchronized @Nullable String sessionName() {
		return (this.identity != null) ? this.identity.sessionName() : null;
	}

	@Override
	public void setSessionName(@Nullable String sessionName) {
		setBaggage(SESSION_NAME_KEY, sessionName);
	}

	@Override
	public synchronized List<String> tags() {
		return (this.identity != null) ? this.identity.tags() : List.of();
	}

	@Override
	public synchronized void addTags(String... tags) {
		identity().addTags(tags);
	}

	private TraceIdentity identity() {
		if (this.identity == null) {
			this.identity = new TraceIdentity(settings());
		}
		return this.identity;
	}

}
