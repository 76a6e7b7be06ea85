package io.agenttracing.integration.springai;

import java.util.ArrayList;
import java.util.List;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanScope;
import io.agenttracing.Tracer;
import io.agenttracing.Tracing;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

/**
 * Turns the observations Spring AI makes (ChatClient calls, advisors, model calls, tool
 * calls, vector store operations) into spans. A span's parent is the span of the nearest
 * parent observation that has one, so that streaming calls, whose observations stop late
 * and on other threads, still form the right tree; without one, the thread's current span
 * (a {@code @Traced} method) is the parent.
 */
final class TracingObservationHandler implements ObservationHandler<Observation.Context> {

	private final Tracer tracer;

	private final List<ObservationSpanMapping<?>> mappings;

	TracingObservationHandler(Tracer tracer, List<ObservationSpanMapping<?>> mappings) {
		this.tracer = tracer;
		this.mappings = List.copyOf(mappings);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return mappingFor(context) != null;
	}

	@Override
	public void onStart(Observation.Context context) {
		ObservationSpanMapping<Observation.Context> mapping = mappingFor(context);
		if (mapping == null || !this.tracer.isEnabled()) {
			return;
		}
		Span parent = parentSpan(context);
		Span current = Tracing.currentSpan();
		boolean joined = mapping.joinsCurrentModelCall() && parent == null && current.kind() == SpanKind.LLM
				&& current.isRecording() && !current.isEnded();
		Span span = joined ? current
				: this.tracer.startSpan(mapping.spanName(context), mapping.spanKind(context), parent);
		if (!span.isRecording()) {
			return;
		}
		ObservedSpan observed = new ObservedSpan(span, !joined);
		context.put(ObservedSpan.class, observed);
		record(() -> mapping.started(context, span));
	}

	@Override
	public void onScopeOpened(Observation.Context context) {
		ObservedSpan observed = context.get(ObservedSpan.class);
		if (observed != null && observed.owned) {
			observed.opened(this.tracer.makeCurrent(observed.span));
		}
	}

	@Override
	public void onScopeClosed(Observation.Context context) {
		ObservedSpan observed = context.get(ObservedSpan.class);
		if (observed != null) {
			observed.closeScopeOfThisThread();
		}
	}

	@Override
	public void onError(Observation.Context context) {
		ObservedSpan observed = context.get(ObservedSpan.class);
		Throwable error = context.getError();
		if (observed != null && error != null) {
			observed.span.setError(error);
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		ObservedSpan observed = context.get(ObservedSpan.class);
		ObservationSpanMapping<Observation.Context> mapping = mappingFor(context);
		if (observed == null || mapping == null) {
			return;
		}
		record(() -> mapping.stopped(context, observed.span));
		if (observed.owned) {
			observed.span.close();
		}
	}

	/** The span of the nearest parent observation that has one. */
	private static @Nullable Span parentSpan(Observation.Context context) {
		return spanOf(context.getParentObservation());
	}

	/** The span of this observation or of its nearest ancestor that has one. */
	static @Nullable Span spanOf(@Nullable ObservationView observation) {
		ObservationView parent = observation;
		// Bounded: a parent chain is short, and a cycle must not hang the caller.
		for (int depth = 0; parent != null && depth < 64; depth++) {
			Observation.ContextView view = parent.getContextView();
			ObservedSpan observed = view.get(ObservedSpan.class);
			if (observed != null) {
				return observed.span;
			}
			parent = view.getParentObservation();
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private @Nullable ObservationSpanMapping<Observation.Context> mappingFor(Observation.Context context) {
		for (ObservationSpanMapping<?> mapping : this.mappings) {
			if (mapping.contextType().isInstance(context)) {
				ObservationSpanMapping<Observation.Context> found = (ObservationSpanMapping<Observation.Context>) mapping;
				return found.traces(context) ? found : null;
			}
		}
		return null;
	}

	/** Reading Spring AI's objects must never break the application's call. */
	private static void record(Runnable recording) {
		try {
			recording.run();
		}
		catch (RuntimeException | LinkageError ex) {
			// The span keeps what it recorded so far.
		}
	}

	/**
	 * The span of one observation, and the scopes that made it current on the threads
	 * that opened one.
	 */
	static final class ObservedSpan {

		final Span span;

		/** False when the observation records into a span it did not start. */
		final boolean owned;

		private final List<ThreadScope> scopes = new ArrayList<>(2);

		ObservedSpan(Span span, boolean owned) {
			this.span = span;
			this.owned = owned;
		}

		synchronized void opened(SpanScope scope) {
			this.scopes.add(new ThreadScope(Thread.currentThread(), scope));
		}

		void closeScopeOfThisThread() {
			SpanScope scope = null;
			synchronized (this) {
				for (int i = this.scopes.size() - 1; i >= 0; i--) {
					if (this.scopes.get(i).thread == Thread.currentThread()) {
						scope = this.scopes.remove(i).scope;
						break;
					}
				}
			}
			if (scope != null) {
				scope.close();
			}
		}

	}

	private record ThreadScope(Thread thread, SpanScope scope) {
	}

}
