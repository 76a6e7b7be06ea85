package io.agenttracing.internal.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agenttracing.SpanData;
import io.agenttracing.Signal;
import io.agenttracing.SpanError;
import io.agenttracing.SpanEvent;
import org.jspecify.annotations.Nullable;

/**
 * The bounded collections of one span (attributes, events, signals and tags, each with
 * the count of what its limit refused) and its error. Made with the first of them, so a
 * span that only times a call allocates none. Guarded by the monitor of the span's trace;
 * once the span has ended nothing changes, and the export thread reads it without a lock.
 */
final class SpanContents {

	private @Nullable Map<String, Object> attributes;

	private @Nullable List<SpanEvent> events;

	private @Nullable List<Signal> signals;

	private @Nullable Map<String, String> tags;

	private @Nullable List<SpanData.Link> links;

	/** How the span failed, if it did. */
	@Nullable SpanError error;

	private int droppedAttributes;

	private int droppedEvents;

	private int droppedSignals;

	private int droppedTags;

	private int droppedLinks;

	/** Puts, or with {@code null} removes, an attribute; returns whether it was kept. */
	boolean putAttribute(String key, @Nullable Object value, int max) {
		if (value == null) {
			if (this.attributes != null) {
				this.attributes.remove(key);
			}
			return false;
		}
		if (this.attributes == null) {
			this.attributes = new LinkedHashMap<>();
		}
		if (this.attributes.size() >= max && !this.attributes.containsKey(key)) {
			this.droppedAttributes++;
			return false;
		}
		this.attributes.put(key, value);
		return true;
	}

	boolean addEvent(SpanEvent event, int max) {
		if (this.events == null) {
			this.events = new ArrayList<>(2);
		}
		if (this.events.size() >= max) {
			this.droppedEvents++;
			return false;
		}
		return this.events.add(event);
	}

	boolean addSignal(Signal signal, int max) {
		if (this.signals == null) {
			this.signals = new ArrayList<>(2);
		}
		if (this.signals.size() >= max) {
			this.droppedSignals++;
			return false;
		}
		return this.signals.add(signal);
	}

	boolean putTag(String key, String value, int max) {
		if (this.tags == null) {
			this.tags = new LinkedHashMap<>();
		}
		if (this.tags.size() >= max && !this.tags.containsKey(key)) {
			this.droppedTags++;
			return false;
		}
		this.tags.put(key, value);
		return true;
	}

	boolean addLink(SpanData.Link link, int max) {
		if (this.links == null) {
			this.links = new ArrayList<>(2);
		}
		if (this.links.size() >= max) {
			this.droppedLinks++;
			return false;
		}
		return this.links.add(link);
	}

	List<SpanData.Link> links() {
		return (this.links != null) ? List.copyOf(this.links) : List.of();
	}

	@Nullable Object attribute(String key) {
		return (this.attributes != null) ? this.attributes.get(key) : null;
	}

	/**
	 * The attributes as exported, with what was dropped or cut counted among them. An
	 * ended span's map is handed over, not copied: the export thread snapshots every
	 * trace, and copying was a third of its time under load.
	 */
	Map<String, Object> exportedAttributes(boolean frozen, int truncatedValues) {
		Map<String, Object> attrs = (this.attributes == null) ? Map.of()
				: frozen ? Collections.unmodifiableMap(this.attributes) : new LinkedHashMap<>(this.attributes);
		if (this.droppedAttributes > 0 || this.droppedEvents > 0 || this.droppedSignals > 0 || this.droppedTags > 0
				|| this.droppedLinks > 0 || truncatedValues > 0) {
			attrs = new LinkedHashMap<>(attrs);
			putCount(attrs, "agent.tracing.dropped_attributes", this.droppedAttributes);
			putCount(attrs, "agent.tracing.dropped_events", this.droppedEvents);
			putCount(attrs, "agent.tracing.dropped_signals", this.droppedSignals);
			putCount(attrs, "agent.tracing.dropped_tags", this.droppedTags);
			putCount(attrs, "agent.tracing.dropped_links", this.droppedLinks);
			putCount(attrs, "agent.tracing.truncated_values", truncatedValues);
		}
		return attrs;
	}

	/** What a span without contents exports: only the count of values cut, if any. */
	static Map<String, Object> exportedAttributes(int truncatedValues) {
		return (truncatedValues > 0) ? Map.of("agent.tracing.truncated_values", truncatedValues) : Map.of();
	}

	List<SpanEvent> events() {
		return (this.events != null) ? List.copyOf(this.events) : List.of();
	}

	List<Signal> signals() {
		return (this.signals != null) ? List.copyOf(this.signals) : List.of();
	}

	Map<String, String> tags() {
		return (this.tags != null) ? Map.copyOf(this.tags) : Map.of();
	}

	private static void putCount(Map<String, Object> attributes, String key, int count) {
		if (count > 0) {
			attributes.put(key, count);
		}
	}

}
