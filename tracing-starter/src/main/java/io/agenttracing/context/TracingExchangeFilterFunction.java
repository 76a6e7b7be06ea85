package io.agenttracing.context;

import io.agenttracing.CurrentContext;
import io.agenttracing.Scope;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Adds the W3C propagation headers to outgoing {@code WebClient} requests. The scope is read when
 * the request is built: on the calling thread, or from the Reactor context when automatic context
 * propagation restores it.
 */
public final class TracingExchangeFilterFunction implements ExchangeFilterFunction {

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Scope scope = CurrentContext.get();
		if (scope == null) {
			return next.exchange(request);
		}
		ClientRequest traced = ClientRequest.from(request)
			.headers((headers) -> TracingClientHttpRequestInterceptor.inject(scope, headers))
			.build();
		return next.exchange(traced);
	}

}
