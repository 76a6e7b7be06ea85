package io.agenttracing.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.annotation.Traced;
import io.micrometer.observation.annotation.Observed;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

/**
 * The beans the benchmarks call through their Spring proxies: the same small piece of
 * work, plain, behind a no-op advice, and instrumented by each tool.
 */
final class Workloads {

	private Workloads() {
	}

	static int work(int x) {
		return x * 31 + 7;
	}

	/** No instrumentation: the floor. */
	static class Plain {

		public int compute(int x) {
			return work(x);
		}

	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@interface NoopAdvised {

	}

	/**
	 * One {@code @Around} advice that only proceeds: the cost of any proxy-based
	 * instrumentation.
	 */
	@Aspect
	static class NoopAspect {

		@Around("execution(@io.agenttracing.benchmarks.Workloads.NoopAdvised * *(..))")
		public Object around(ProceedingJoinPoint call) throws Throwable {
			return call.proceed();
		}

	}

	static class NoopAdvisedWork {

		@NoopAdvised
		public int compute(int x) {
			return work(x);
		}

	}

	/** Our annotation, with and without capture, and an agent calling ten tools. */
	static class TracedWork {

		@Traced(kind = SpanKind.TOOL, captureInput = false, captureOutput = false)
		public int compute(int x) {
			return work(x);
		}

		@Traced(kind = SpanKind.LLM)
		public String chat(String system, String prompt) {
			return prompt;
		}

		/** Below the default threshold (INFO): not traced at all. */
		@Traced(kind = SpanKind.TOOL, level = Span.Level.DEBUG)
		public int computeDetail(int x) {
			return work(x);
		}

	}

	static class TracedAgent {

		private final TracedWork tools;

		TracedAgent(TracedWork tools) {
			this.tools = tools;
		}

		@Traced(kind = SpanKind.AGENT, captureInput = false, captureOutput = false)
		public int run(int x) {
			int sum = 0;
			for (int i = 0; i < 10; i++) {
				sum += this.tools.compute(x + i);
			}
			return sum;
		}

	}

	/** OpenTelemetry's annotation, instrumented by its Spring Boot starter. */
	static class WithSpanWork {

		@WithSpan
		public int compute(int x) {
			return work(x);
		}

	}

	/** Micrometer's annotation, with ObservedAspect and the tracing handler. */
	static class ObservedWork {

		@Observed(name = "compute")
		public int compute(int x) {
			return work(x);
		}

	}

}
