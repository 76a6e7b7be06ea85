package io.agenttracing.context;

import java.io.IOException;

import io.agenttracing.CurrentContext;
import io.agenttracing.Scope;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds the current span's W3C {@code traceparent}, the trace's {@code tracestate} and the session
 * {@code baggage} to outgoing {@code RestClient} and {@code RestTemplate} requests.
 */
public final class TracingClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		inject(CurrentContext.get(), request.getHeaders());
		return execution.execute(request, body);
	}

	/** Writes the propagation headers of {@code scope}, if any, replacing ones already set. */
	static void inject(@Nullable Scope scope, HttpHeaders headers) {
		if (scope == null) {
			return;
		}
		String traceparent = W3CTraceContext.traceparent(scope);
		if (traceparent == null) {
			return;
		}
		headers.set(W3CTraceContext.TRACEPARENT, traceparent);
		String traceState = scope.trace().traceState();
		if (traceState != null) {
			headers.set(W3CTraceContext.TRACESTATE, traceState);
		}
		String baggage = W3CTraceContext.baggage(scope.trace());
		if (baggage != null) {
			String existing = headers.getFirst(W3CTraceContext.BAGGAGE);
			headers.set(W3CTraceContext.BAGGAGE,
					(existing == null || existing.isBlank()) ? baggage : existing + "," + baggage);
		}
	}

}
