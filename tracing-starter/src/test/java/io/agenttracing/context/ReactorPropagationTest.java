package io.agenttracing.context;

import java.time.Duration;
import java.util.List;

import io.agenttracing.internal.trace.CurrentContext;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import io.agenttracing.annotation.Traced;
import io.agenttracing.testing.TracingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Traced methods returning {@code Mono} and {@code Flux}: the span ends on the terminal
 * signal, spans started inside operators on other threads get it as parent, a
 * {@code Flux} records the time to its first element.
 */
class ReactorPropagationTest {

	private final TracingFixture fixture = new TracingFixture(1000, List.of());

	private final Lookup lookup = this.fixture.proxy(new Lookup());

	private final Retriever retriever = this.fixture.proxy(new Retriever(this.lookup));

	@BeforeAll
	static void automaticContextPropagation() {
		Hooks.enableAutomaticContextPropagation();
	}

	@AfterEach
	void close() {
		this.fixture.close();
		assertThat(CurrentContext.get()).isNull();
	}

	private List<TraceData> traces() {
		return this.fixture.traces();
	}

	@Test
	void monoSpanEndsOnCompletionAndParentsSpansInsideOperators() {
		Mono<String> mono = this.retriever.fetch("agents");
		assertThat(traces()).isEmpty();
		assertThat(mono.block(Duration.ofSeconds(5))).isEqualTo("found agents");
		TraceData trace = traces().get(0);
		SpanData fetch = trace.span("Retriever.fetch");
		SpanData lookup = trace.span("Lookup.find");
		assertThat(fetch.kind()).isEqualTo(SpanKind.MEMORY);
		assertThat(fetch.status()).isEqualTo(SpanStatus.OK);
		assertThat(fetch.output()).isEqualTo("\"found agents\"");
		assertThat(lookup.parentId()).isEqualTo(fetch.spanId());
		assertThat(lookup.attribute("thread").toString()).startsWith("boundedElastic");
		assertThat(fetch.durationNanos()).isGreaterThanOrEqualTo(lookup.durationNanos());
	}

	@Test
	void monoErrorMarksTheSpanAsError() {
		assertThatThrownBy(() -> this.retriever.fail().block(Duration.ofSeconds(5)))
			.hasMessageContaining("index offline");
		SpanData span = traces().get(0).spans().get(0);
		assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
		assertThat(span.error().message()).isEqualTo("index offline");
	}

	@Test
	void fluxRecordsTimeToFirstElementAndEndsAfterTheLast() {
		List<Integer> tokens = this.retriever.stream().collectList().block(Duration.ofSeconds(5));
		assertThat(tokens).containsExactly(1, 2, 3);
		SpanData span = traces().get(0).spans().get(0);
		assertThat(span.attribute("reactor.elements")).isEqualTo(3L);
		assertThat((Double) span.attribute("reactor.time_to_first_element_ms")).isPositive();
		assertThat(span.events()).extracting("name").contains("first-element");
		assertThat(span.durationNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
		assertThat(span.output()).isNull();
	}

	@Test
	void cancelledFluxEndsItsSpan() {
		assertThat(this.retriever.stream().take(1).collectList().block(Duration.ofSeconds(5))).containsExactly(1);
		SpanData span = traces().get(0).spans().get(0);
		assertThat(span.events()).extracting("name").contains("cancelled");
		assertThat(span.isEnded()).isTrue();
	}

	static class Retriever {

		private final Lookup lookup;

		Retriever(Lookup lookup) {
			this.lookup = lookup;
		}

		@Traced(kind = SpanKind.MEMORY)
		public Mono<String> fetch(String query) {
			return Mono.fromCallable(() -> this.lookup.find(query)).subscribeOn(Schedulers.boundedElastic());
		}

		@Traced(kind = SpanKind.MEMORY)
		public Mono<String> fail() {
			return Mono.error(new IllegalStateException("index offline"));
		}

		@Traced(kind = SpanKind.LLM)
		public Flux<Integer> stream() {
			return Flux.just(1, 2, 3).delayElements(Duration.ofMillis(15));
		}

	}

	static class Lookup {

		@Traced(kind = SpanKind.TOOL)
		public String find(String query) {
			io.agenttracing.Tracing.currentSpan().setAttribute("thread", Thread.currentThread().getName());
			return "found " + query;
		}

	}

}
