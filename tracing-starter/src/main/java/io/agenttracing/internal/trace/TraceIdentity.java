package io.agenttracing.internal.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agenttracing.Score;
import io.agenttracing.TraceContext;
import org.jspecify.annotations.Nullable;

/**
 * Whom a trace serves and what travels with it to other services: the W3C baggage
 * entries, among them the user, the session's readable name and the trace's tags. Every
 * name and value is bounded as it is set. Guarded by the monitor of its trace.
 */
final class TraceIdentity {

	/** W3C baggage allows 64 list members. */
	private static final int MAX_BAGGAGE_ENTRIES = 64;

	private static final int MAX_TAGS = 32;

	private final Map<String, String> baggage = new LinkedHashMap<>();

	private final SpanSettings settings;

	/** Values learned to be secret, hidden wherever they appear in the trace. */
	private @Nullable Set<String> secrets;

	/** Scores given while the trace runs. */
	private @Nullable List<Score> scores;

	TraceIdentity(SpanSettings settings) {
		this.settings = settings;
	}

	Map<String, String> baggage() {
		return Map.copyOf(this.baggage);
	}

	void setBaggage(String key, @Nullable String value) {
		String name = this.settings.name(key.trim());
		if (value == null) {
			this.baggage.remove(name);
			return;
		}
		// Tags may exceed the name limit joined; each one was bounded on its own.
		String kept = TraceContext.TAGS_KEY.equals(name) ? value : this.settings.name(value);
		if (this.baggage.size() < MAX_BAGGAGE_ENTRIES || this.baggage.containsKey(name)) {
			this.baggage.put(name, kept);
		}
	}

	@Nullable String userId() {
		return this.baggage.get(TraceContext.USER_ID_KEY);
	}

	@Nullable String sessionName() {
		return this.baggage.get(TraceContext.SESSION_NAME_KEY);
	}

	List<String> tags() {
		String joined = this.baggage.get(TraceContext.TAGS_KEY);
		return (joined == null || joined.isEmpty()) ? List.of() : List.of(joined.split(","));
	}

	void rememberSecret(String value) {
		if (this.secrets == null) {
			this.secrets = new LinkedHashSet<>();
		}
		if (this.secrets.size() < KnownSecrets.MAX_VALUES) {
			this.secrets.add(value);
		}
	}

	/** The values learned to be secret, longest first. */
	List<String> secrets() {
		return (this.secrets != null) ? KnownSecrets.ordered(this.secrets) : List.of();
	}

	/**
	 * Adds a bounded score; false when the trace holds {@link Scores#MAX_PER_TRACE}
	 * already.
	 */
	boolean addScore(Score score) {
		if (this.scores == null) {
			this.scores = new ArrayList<>(2);
		}
		if (this.scores.size() >= Scores.MAX_PER_TRACE) {
			return false;
		}
		return this.scores.add(Scores.bounded(score, this.settings));
	}

	List<Score> scores() {
		return (this.scores != null) ? List.copyOf(this.scores) : List.of();
	}

	void addTags(String... tags) {
		LinkedHashSet<String> all = new LinkedHashSet<>(tags());
		for (String tag : tags) {
			String clean = (tag != null) ? tag.replace(",", " ").trim() : "";
			if (!clean.isEmpty() && all.size() < MAX_TAGS) {
				all.add(this.settings.name(clean));
			}
		}
		setBaggage(TraceContext.TAGS_KEY, all.isEmpty() ? null : String.join(",", all));
	}

}
