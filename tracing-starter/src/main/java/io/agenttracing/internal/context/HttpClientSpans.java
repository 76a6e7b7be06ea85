package io.agenttracing.internal.context;

import java.net.URI;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import io.agenttracing.internal.trace.CurrentContext;
import io.agenttracing.internal.trace.Scope;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.internal.trace.RecordingTrace;
import io.agenttracing.internal.trace.RecordingTracer;
import org.jspecify.annotations.Nullable;

/**
 * Traces an outgoing HTTP call made while a trace is current: a span of kind
 * {@code NETWORK} per request, named by method and host (never the path, which holds
 * ids), whose id is the parent-id sent in {@code traceparent}, so that two calls send two
 * parent-ids. Inside a span that is already {@code NETWORK} (a
 * {@code @Traced(kind = NETWORK)} method), that span stands for the call and gets its
 * HTTP attributes instead. The span is never current on the calling thread: it ends when
 * the answer (or the failure) arrives, on whatever thread that is.
 */
public final class HttpClientSpans {

	private final Supplier<RecordingTracer> tracer;

	private final boolean spans;

	private final boolean errorOn4xx;

	/**
	 * @param tracer the tracer that starts the spans
	 * @param spans whether to make a span per call; without, calls still carry the
	 * headers
	 * @param errorOn4xx whether a 4xx answer sets status ERROR; by default it is the
	 * server's answer, recorded but not our error
	 */
	public HttpClientSpans(Supplier<RecordingTracer> tracer, boolean spans, boolean errorOn4xx) {
		this.tracer = tracer;
		this.spans = spans;
		this.errorOn4xx = errorOn4xx;
	}

	/**
	 * The call about to be made, or {@code null} when no trace is current (nothing to
	 * trace or send).
	 */
	public @Nullable Call start(String method, URI uri) {
		Scope scope = CurrentContext.get();
		if (scope == null) {
			return null;
		}
		Span current = scope.span();
		if (current != null && current.kind() == SpanKind.NETWORK) {
			describe(current, method, uri);
			return new Call(scope.trace(), current, false, this.errorOn4xx);
		}
		if (!this.spans) {
			return new Call(scope.trace(), current, false, this.errorOn4xx);
		}
		RecordingTracer tracer = this.tracer.get();
		// A child of the current span that is never current: the call may end elsewhere.
		Span span = tracer.startSpan(method + " " + host(uri), SpanKind.NETWORK, null);
		if (!span.isRecording()) {
			return new Call(scope.trace(), current, false, this.errorOn4xx);
		}
		describe(span, method, uri);
		return new Call(scope.trace(), span, true, this.errorOn4xx);
	}

	private static void describe(Span span, String method, URI uri) {
		span.setAttribute("http.request.method", method);
		span.setAttribute("server.address", host(uri));
		span.setAttribute("server.port", port(uri));
		span.setAttribute("url.full", fullUrl(uri));
	}

	private static String host(URI uri) {
		return (uri.getHost() != null) ? uri.getHost() : "unknown";
	}

	private static int port(URI uri) {
		if (uri.getPort() >= 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	/** The URL without user info, query or fragment: those carry credentials and ids. */
	static String fullUrl(URI uri) {
		StringBuilder url = new StringBuilder();
		if (uri.getScheme() != null) {
			url.append(uri.getScheme()).append("://");
		}
		url.append(host(uri));
		if (uri.getPort() >= 0) {
			url.append(':').append(uri.getPort());
		}
		if (uri.getRawPath() != null) {
			url.append(uri.getRawPath());
		}
		return url.toString();
	}

	/**
	 * One outgoing call: the headers it sends and, if it has a span of its own, how that
	 * ends.
	 */
	public static final class Call {

		private final RecordingTrace trace;

		private final @Nullable Span span;

		private final boolean ownSpan;

		private final boolean errorOn4xx;

		Call(RecordingTrace trace, @Nullable Span span, boolean ownSpan, boolean errorOn4xx) {
			this.trace = trace;
			this.span = span;
			this.ownSpan = ownSpan;
			this.errorOn4xx = errorOn4xx;
		}

		/**
		 * Writes {@code traceparent} (this call's span as parent), {@code tracestate} and
		 * {@code baggage} (added to any baggage the request already has) through
		 * {@code header}.
		 */
		public void inject(BiConsumer<String, String> header, @Nullable String existingBaggage) {
			String parentId = (this.span != null) ? this.span.spanId() : null;
			header.accept(W3CTraceContext.TRACEPARENT, (parentId != null)
					? W3CTraceContext.traceparent(this.trace, parentId) : W3CTraceContext.traceparent(this.trace));
			String traceState = this.trace.traceState();
			if (traceState != null) {
				header.accept(W3CTraceContext.TRACESTATE, traceState);
			}
			String baggage = W3CTraceContext.baggage(this.trace);
			if (baggage != null) {
				header.accept(W3CTraceContext.BAGGAGE, (existingBaggage == null || existingBaggage.isBlank()) ? baggage
						: existingBaggage + "," + baggage);
			}
		}

		/** The answer arrived with {@code status}. */
		public void answered(int status) {
			if (this.span == null) {
				return;
			}
			this.span.setAttribute("http.response.status_code", status);
			if (!this.ownSpan) {
				return;
			}
			if (status >= 500 || (status >= 400 && this.errorOn4xx)) {
				this.span.setAttribute("error.type", String.valueOf(status));
				this.span.setStatus(SpanStatus.ERROR);
			}
			this.span.setStatusIfUnset(SpanStatus.OK);
			this.span.end();
		}

		/** The call failed without an answer (I/O error, timeout, cancellation). */
		public void failed(@Nullable Throwable error) {
			if (this.span == null || !this.ownSpan) {
				return;
			}
			if (error != null) {
				this.span.setError(error);
				this.span.setAttribute("error.type", error.getClass().getName());
			}
			else {
				this.span.setAttribute("error.type", "cancelled");
				this.span.setStatus(SpanStatus.ERROR);
			}
			this.span.end();
		}

	}

}
