package io.agenttracing.integration.springai;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.agenttracing.Span;
import org.jspecify.annotations.Nullable;

/**
 * The streamed model call each trace has open, so the ChatClient's first advisor, which
 * sees the chunks but not the model's observation, can record on the LLM span when its
 * first chunk arrived. A ChatClient's model calls run one after another (tools run
 * between them), so a trace has at most one open at a time.
 */
final class StreamingModelCalls {

	/** Time to first chunk in seconds, as the GenAI conventions name it. */
	static final String TIME_TO_FIRST_CHUNK = "gen_ai.response.time_to_first_chunk";

	/** More open streams than a process serves: stop tracking rather than grow. */
	private static final int MAX_OPEN = 10_000;

	private static final Map<String, Span> open = new ConcurrentHashMap<>();

	private StreamingModelCalls() {
	}

	static void started(Span span) {
		if (open.size() < MAX_OPEN) {
			open.put(span.traceId(), span);
		}
	}

	static void stopped(Span span) {
		open.remove(span.traceId(), span);
	}

	/** The streamed model call of the trace that is running now, if any. */
	static @Nullable Span openIn(String traceId) {
		return open.get(traceId);
	}

	/** Records on a running span how long it took to its first chunk. */
	static void firstChunk(Span span) {
		if (span.isRecording() && !span.isEnded()) {
			span.setAttribute(TIME_TO_FIRST_CHUNK, span.duration().toNanos() / 1e9);
		}
	}

	/**
	 * The chunks of one streamed ChatClient call: the call's span and each model call get
	 * their time to first chunk once.
	 */
	static final class Chunks {

		private final Span call;

		private boolean callSeen;

		private @Nullable Span lastModelCall;

		Chunks(Span call) {
			this.call = call;
		}

		synchronized void chunk() {
			if (!this.call.isRecording()) {
				return;
			}
			try {
				if (!this.callSeen) {
					this.callSeen = true;
					firstChunk(this.call);
				}
				Span model = openIn(this.call.traceId());
				if (model != null && model != this.lastModelCall) {
					this.lastModelCall = model;
					firstChunk(model);
				}
			}
			catch (RuntimeException ex) {
				// Tracing must never break the stream.
			}
		}

	}

}
