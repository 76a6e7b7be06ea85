package io.agenttracing.internal.context;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Traces outgoing {@code RestClient} and {@code RestTemplate} requests
 * ({@link HttpClientSpans}) and sends the W3C {@code traceparent}, {@code tracestate} and
 * {@code baggage} with them.
 */
public final class TracingClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private final HttpClientSpans spans;

	public TracingClientHttpRequestInterceptor(HttpClientSpans spans) {
		this.spans = spans;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		HttpClientSpans.Call call = this.spans.start(request.getMethod().name(), request.getURI());
		if (call == null) {
			return execution.execute(request, body);
		}
		call.inject(request.getHeaders()::set, request.getHeaders().getFirst(W3CTraceContext.BAGGAGE));
		ClientHttpResponse response;
		try {
			response = execution.execute(request, body);
		}
		catch (IOException | RuntimeException | Error ex) {
			call.failed(ex);
			throw ex;
		}
		call.answered(response.getStatusCode().value());
		return response;
	}

}
