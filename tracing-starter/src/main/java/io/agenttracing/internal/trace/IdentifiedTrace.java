package io.agenttracing.internal.trace;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.agenttracing.Score;
import io.agenttracing.TraceContext;
import io.agenttracing.internal.support.RateLimitedLog;
import org.jspecify.annotations.Nullable;

/**
 * What a recording trace knows of whom it serves and of where it came from: its session,
 * the W3C baggage that travels with every call it makes (user, session name, tags,
 * entries of the caller), and the remote parent and {@code tracestate} it continues.
 * Guarded by the trace's monitor; {@link RecordingTrace} adds the spans and their life.
 */
abstract sealed class IdentifiedTrace implements TraceContext permits RecordingTrace {

	private static final RateLimitedLog refused = new RateLimitedLog(IdentifiedTrace.class, 1, TimeUnit.MINUTES);

	volatile @Nullable String sessionId;

	/** Baggage, user and tags; made when the first is set. */
	@Nullable TraceIdentity identity;

	/**
	 * The caller's span this trace continues, with its tracestate; null for a new trace.
	 */
	private final @Nullable RemoteParent remote;

	/**
	 * W3C Trace Context Level 2 random flag: the trace id is random (ours always are).
	 */
	private final boolean random;

	IdentifiedTrace(@Nullable RemoteParent remote, boolean random) {
		this.remote = remote;
		this.random = random;
	}

	/** Span id of the remote caller's span that this trace continues, if any. */
	public @Nullable String remoteParentId() {
		return (this.remote != null) ? this.remote.spanId() : null;
	}

	/**
	 * The W3C {@code tracestate} received with the remote parent, to pass on unchanged.
	 */
	public @Nullable String traceState() {
		return (this.remote != null) ? this.remote.traceState() : null;
	}

	/**
	 * Whether the trace id is random (W3C Trace Context Level 2 flag {@code 0x02}): true
	 * for the ids this engine makes, and as the caller said for a continued trace.
	 */
	public boolean isRandom() {
		return this.random;
	}

	/**
	 * Remembers that {@code value} is secret (it was recorded under a secret key), so
	 * that the trace hides it wherever else it appears; see {@link KnownSecrets}.
	 */
	public synchronized void rememberSecret(String value) {
		if (KnownSecrets.isRemembered(value)) {
			identity().rememberSecret(value);
		}
		// "Bearer <token>": the credential alone is secret too, wherever it was passed.
		String credential = KnownSecrets.credential(value);
		if (credential != null) {
			identity().rememberSecret(credential);
		}
	}

	/** The limits and the capturer every value of the trace is kept with. */
	abstract SpanSettings settings();

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

	/** This thread's current span, if it belongs to this trace. */
	abstract @Nullable RecordingSpan currentSpan();

	// The seed's string-id operations act on this thread's current span of this trace.

	@Override
	public void endSpan(String spanId) {
		io.agenttracing.Span span = getSpan(spanId);
		if (span != null) {
			span.close();
		}
	}

	@Override
	public @Nullable String currentSpanId() {
		RecordingSpan span = currentSpan();
		return (span != null) ? span.spanId() : null;
	}

	@Override
	public void addEvent(String name) {
		RecordingSpan span = currentSpan();
		if (span != null) {
			span.addEvent(name);
		}
	}

	@Override
	public void setAttribute(String key, @Nullable Object value) {
		RecordingSpan span = currentSpan();
		if (span != null) {
			span.setAttribute(key, value);
		}
	}

	/** Scores refused because the trace held its maximum already. */
	int refusedScores;

	@Override
	public TraceContext score(Score score) {
		boolean kept;
		// The score is bounded and masked before the lock; the list changes under it.
		synchronized (this) {
			kept = identity().addScore(score);
			if (!kept) {
				this.refusedScores++;
			}
		}
		if (!kept) {
			refused.warn("A score of trace " + traceId() + " was refused: a trace keeps at most " + Scores.MAX_PER_TRACE
					+ " scores");
		}
		return this;
	}

	@Override
	public synchronized List<Score> scores() {
		return (this.identity != null) ? this.identity.scores() : List.of();
	}

	private TraceIdentity identity() {
		if (this.identity == null) {
			this.identity = new TraceIdentity(settings());
		}
		return this.identity;
	}

}
