package io.agenttracing.internal.context;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Traces outgoing {@code WebClient} requests ({@link HttpClientSpans}) and sends the W3C
 * headers with them. The trace is read when the request is made: on the calling thread,
 * or from the Reactor context when automatic context propagation restores it; the span
 * ends with the response, an error or a cancellation.
 */
public final class TracingExchangeFilterFunction implements ExchangeFilterFunction {

	private final HttpClientSpans spans;

	public TracingExchangeFilterFunction(HttpClientSpans spans) {
		this.spans = spans;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		HttpClientSpans.Call call = this.spans.start(request.method().name(), request.url());
		if (call == null) {
			return next.exchange(request);
		}
		ClientRequest traced = ClientRequest.from(request)
			.headers((headers) -> call.inject(headers::set, headers.getFirst(W3CTraceContext.BAGGAGE)))
			.build();
		return next.exchange(traced)
			.doOnNext((response) -> call.answered(response.statusCode().value()))
			.doOnError(call::failed)
			.doOnCancel(() -> call.failed(null));
	}

}
