package io.agenttracing.internal.annotation;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import io.agenttracing.Span;
import io.agenttracing.SpanStatus;
import io.agenttracing.internal.trace.RecordingSpan;
import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.internal.trace.ValueCapturer;
import io.agenttracing.internal.support.RateLimitedLog;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * Owns the life of a span around one call: start and make current, record input, run,
 * record output or error, end. The user's result and exception always pass through
 * unchanged; a failure of the instrumentation itself is logged (rate-limited) and never
 * reaches the caller.
 */
final class TracedInvocationProcessor {

	private static final RateLimitedLog log = new RateLimitedLog(TracedInvocationProcessor.class, 1, TimeUnit.MINUTES);

	private final Supplier<RecordingTracer> tracer;

	private final boolean captureInput;

	private final boolean captureOutput;

	/**
	 * For each traced method's parameter names (the plan's array, by identity), which
	 * name a secret: decided once per method, not once per call.
	 */
	private final Map<String[], int[]> secretParameters = new ConcurrentHashMap<>();

	TracedInvocationProcessor(Supplier<RecordingTracer> tracer, boolean captureInput, boolean captureOutput) {
		this.tracer = tracer;
		this.captureInput = captureInput;
		this.captureOutput = captureOutput;
	}

	@Nullable Object process(TracedMethod plan, MethodInvocation invocation) throws Throwable {
		RecordingTracer tracer = this.tracer.get();
		if (plan.level() != Span.Level.INFO && !plan.level().isAtLeast(tracer.minimumLevel())) {
			// Below the threshold: not traced at all; what it calls nests in the current
			// span.
			return invocation.proceed();
		}
		RecordingSpan span = tracer.startCurrentSpan(plan.name(), plan.kind());
		if (span == null) {
			return invocation.proceed();
		}
		if (plan.level() != Span.Level.INFO) {
			span.setLevel(plan.level());
		}
		recordStart(plan, span, invocation.getArguments());
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable error) {
			fail(span, error);
			close(span);
			throw error;
		}
		if (plan.completion() == TracedMethod.Completion.STAGE && result instanceof CompletionStage<?> stage) {
			tracer.leaveScope(span);
			endOnCompletion(plan, span, stage);
			return result;
		}
		if ((plan.completion() == TracedMethod.Completion.MONO || plan.completion() == TracedMethod.Completion.FLUX)
				&& result != null && ReactiveSupport.DECORATOR != null) {
			tracer.leaveScope(span);
			return ReactiveSupport.DECORATOR.decorate(result, plan, span, this::outcome);
		}
		captureOutput(plan, span, result);
		close(span, SpanStatus.OK);
		return result;
	}

	private void recordStart(TracedMethod plan, RecordingSpan span, @Nullable Object[] arguments) {
		try {
			if (!plan.staticAttributes().isEmpty()) {
				plan.staticAttributes().forEach(span::setAttribute);
			}
			if (plan.hasParameterAttributes()) {
				@Nullable String[] keys = plan.attributeKeys();
				for (int i = 0; i < keys.length && i < arguments.length; i++) {
					String key = keys[i];
					if (key != null) {
						span.setAttribute(key, arguments[i]);
					}
				}
			}
			if (plan.sessionIdIndex() >= 0 && arguments[plan.sessionIdIndex()] != null) {
				span.trace().setSessionId(String.valueOf(arguments[plan.sessionIdIndex()]));
			}
			if (plan.userIdIndex() >= 0 && arguments[plan.userIdIndex()] != null) {
				span.trace().setUserId(String.valueOf(arguments[plan.userIdIndex()]));
			}
			if (arguments.length > 0) {
				rememberSecretArguments(plan, span, arguments);
			}
			if (this.captureInput && plan.captureInput() && arguments.length > 0) {
				span.setCapturedInput(capturer().captureArguments(plan.parameterNames(), arguments));
			}
		}
		catch (RuntimeException | LinkageError ex) {
			log.warn("Could not record the start of span '" + plan.name() + "'", ex);
		}
	}

	/**
	 * Tells the trace the text of arguments whose parameter names a secret, so it hides
	 * that text wherever else it appears (an exception message, another span's input).
	 */
	private void rememberSecretArguments(TracedMethod plan, RecordingSpan span, @Nullable Object[] arguments) {
		int[] secret = this.secretParameters.get(plan.parameterNames());
		if (secret == null) {
			secret = this.secretParameters.computeIfAbsent(plan.parameterNames(), this::secretIndexes);
		}
		for (int index : secret) {
			if (index < arguments.length && arguments[index] instanceof CharSequence text) {
				span.trace().rememberSecret(text.toString());
			}
		}
	}

	private int[] secretIndexes(String[] names) {
		ValueCapturer capturer = capturer();
		return IntStream.range(0, names.length).filter((i) -> capturer.isSecretKey(names[i])).toArray();
	}

	/** Records how a call whose work completed later ended, and ends its span. */
	private void outcome(TracedMethod plan, RecordingSpan span, @Nullable Object value, @Nullable Throwable error) {
		if (error != null) {
			fail(span, error);
		}
		else {
			succeed(plan, span, value);
		}
		span.end();
	}

	private void succeed(TracedMethod plan, RecordingSpan span, @Nullable Object result) {
		captureOutput(plan, span, result);
		span.setStatusIfUnset(SpanStatus.OK);
	}

	private void captureOutput(TracedMethod plan, RecordingSpan span, @Nullable Object result) {
		try {
			// A Flux's elements are a stream, not a result: its span records how many
			// there were.
			if (this.captureOutput && plan.captureOutput() && !isVoid(plan, result)
					&& plan.completion() != TracedMethod.Completion.FLUX) {
				span.setCapturedOutput(capturer().capture(result));
			}
		}
		catch (RuntimeException | LinkageError ex) {
			log.warn("Could not record the result of span '" + plan.name() + "'", ex);
		}
	}

	private static boolean isVoid(TracedMethod plan, @Nullable Object result) {
		return result == null && plan.returnsVoid();
	}

	private void fail(Span span, Throwable error) {
		try {
			span.setError(error);
		}
		catch (RuntimeException | LinkageError ex) {
			log.warn("Could not record the error of span '" + span.name() + "'", ex);
		}
	}

	private void close(Span span) {
		close(span, null);
	}

	private void close(Span span, @Nullable SpanStatus statusIfUnset) {
		try {
			if (statusIfUnset != null) {
				span.close(statusIfUnset);
			}
			else {
				span.close();
			}
		}
		catch (RuntimeException | LinkageError ex) {
			log.warn("Could not end span '" + span.name() + "'", ex);
		}
	}

	private void endOnCompletion(TracedMethod plan, RecordingSpan span, CompletionStage<?> stage) {
		try {
			stage.whenComplete((value, error) -> outcome(plan, span, value, error));
		}
		catch (RuntimeException ex) {
			// A stage implementation that rejects dependents: end now rather than never.
			log.warn("Could not await the result of span '" + plan.name() + "'", ex);
			span.end();
		}
	}

	private ValueCapturer capturer() {
		return this.tracer.get().capturer();
	}

}
