package io.agenttracing.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.agenttracing.TraceData;
import io.agenttracing.Tracer;
import io.agenttracing.export.TraceExporter;
import org.jspecify.annotations.Nullable;

/**
 * The traces the application finished during a test, in the order they finished, with the
 * parts of one trace (a trace continued by another request, late spans) merged. Every
 * read first waits until the export pipeline has handed over everything already finished,
 * so a test reads a trace right after the call that made it, without polling: <pre>{@code
 * agent.chat("What is the weather in Atlantis?");
 * assertThat(traces.last()).hasSpanNamed("WeatherTool.call").ofKind(TOOL).hasStatus(ERROR);
 * }</pre> A request served by a real server (a {@code RANDOM_PORT} test) finishes its
 * trace just after the response is written; use {@link #await(String)} with the trace id
 * the response carries.
 */
public final class CapturedTraces implements TraceExporter {

	static final Duration WAIT = Duration.ofSeconds(10);

	private final List<TraceData> traces = new ArrayList<>();

	private @Nullable Tracer tracer;

	void bind(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public synchronized void export(TraceData trace) {
		for (int i = 0; i < this.traces.size(); i++) {
			if (this.traces.get(i).traceId().equals(trace.traceId())) {
				this.traces.set(i, Merge.parts(this.traces.get(i), trace));
				notifyAll();
				return;
			}
		}
		this.traces.add(trace);
		notifyAll();
	}

	@Override
	public String name() {
		return "test";
	}

	/** Every trace finished so far, oldest first. */
	public List<TraceData> all() {
		settle();
		synchronized (this) {
			return List.copyOf(this.traces);
		}
	}

	/** The trace finished last; fails if there is none. */
	public TraceData last() {
		List<TraceData> all = all();
		if (all.isEmpty()) {
			throw new AssertionError("No trace was finished: is the code under test traced, and tracing enabled?");
		}
		return all.get(all.size() - 1);
	}

	/** The only trace finished so far; fails if there are none or several. */
	public TraceData single() {
		List<TraceData> all = all();
		if (all.size() != 1) {
			throw new AssertionError("Expected one trace but " + all.size() + " were finished: "
					+ all.stream().map(TraceData::name).toList());
		}
		return all.get(0);
	}

	/** The trace with this id, if it was finished. */
	public Optional<TraceData> find(String traceId) {
		return all().stream().filter((trace) -> trace.traceId().equals(traceId)).findFirst();
	}

	/**
	 * The first trace with this name (its first root span's name); fails if there is
	 * none.
	 */
	public TraceData named(String name) {
		return all().stream()
			.filter((trace) -> name.equals(trace.name()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"No trace named '" + name + "'; finished: " + all().stream().map(TraceData::name).toList()));
	}

	/**
	 * Waits (at most ten seconds) for the trace with this id, for requests served by a
	 * real server.
	 */
	public TraceData await(String traceId) {
		settle();
		long deadline = System.nanoTime() + WAIT.toNanos();
		synchronized (this) {
			while (true) {
				for (TraceData trace : this.traces) {
					if (trace.traceId().equals(traceId)) {
						return trace;
					}
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw new AssertionError("Trace " + traceId + " did not finish within " + WAIT);
				}
				try {
					// Woken by export() as each trace arrives.
					TimeUnit.NANOSECONDS.timedWait(this, remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError("Interrupted waiting for trace " + traceId, ex);
				}
			}
		}
	}

	/**
	 * Forgets every trace, for example between tests that share an application context.
	 */
	public void clear() {
		settle();
		synchronized (this) {
			this.traces.clear();
		}
	}

	private void settle() {
		Tracer tracer = this.tracer;
		if (tracer != null && !tracer.flush(WAIT)) {
			throw new AssertionError("The export pipeline did not hand over finished traces within " + WAIT);
		}
	}

}
