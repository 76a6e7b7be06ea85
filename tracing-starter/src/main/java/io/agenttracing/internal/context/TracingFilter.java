package io.agenttracing.internal.context;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import io.agenttracing.internal.trace.CurrentContext;
import io.agenttracing.internal.trace.RemoteParent;
import io.agenttracing.internal.trace.Scope;
import io.agenttracing.SpanStatus;
import io.agenttracing.internal.trace.RecordingSpan;
import io.agenttracing.internal.trace.RecordingTrace;
import io.agenttracing.internal.trace.RecordingTracer;
import jakarta.servlet.FilterChain;
import org.jspecify.annotations.Nullable;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens one trace per HTTP request, so every span of the request joins it, and finishes
 * it when the request ends. A valid W3C {@code traceparent} makes the trace continue the
 * caller's (a malformed one is ignored), a {@code baggage} session id becomes the trace's
 * session, and the {@code traceresponse} header tells the caller which trace and span
 * served it. The previous scope of the thread is restored in {@code finally}: a pooled
 * server thread never carries a trace into the next request. A request that records no
 * span exports nothing, unless it failed: then the span its {@code traceresponse} named
 * records the failure.
 */
public final class TracingFilter extends OncePerRequestFilter {

	private final RecordingTracer tracer;

	public TracingFilter(RecordingTracer tracer) {
		this.tracer = tracer;
	}

	/**
	 * The parent of the request's trace. When Micrometer Tracing runs too, its server
	 * span has already continued the caller's trace and is the closer parent; the
	 * caller's tracestate and session still apply.
	 */
	private static @Nullable RemoteParent parent(@Nullable RemoteParent incoming, @Nullable RemoteParent external) {
		if (external == null) {
			return incoming;
		}
		if (incoming == null) {
			return external;
		}
		return new RemoteParent(external.traceId(), external.spanId(), incoming.traceState(), incoming.sessionId(),
				incoming.random(), incoming.baggage());
	}

	private static List<String> values(HttpServletRequest request, String header) {
		Enumeration<String> values = request.getHeaders(header);
		return (values != null) ? Collections.list(values) : List.of();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Every value of each header: two traceparents start a new trace, tracestates are
		// combined.
		RemoteParent incoming = W3CTraceContext.extract(values(request, W3CTraceContext.TRACEPARENT),
				values(request, W3CTraceContext.TRACESTATE), values(request, W3CTraceContext.BAGGAGE));
		RemoteParent parent = parent(incoming, this.tracer.externalParent());
		RecordingTrace trace = (parent != null) ? this.tracer.continueTrace(parent, null) : this.tracer.openTrace(null);
		response.setHeader(W3CTraceContext.TRACERESPONSE, W3CTraceContext.traceresponse(trace));
		Scope previous = CurrentContext.attach(trace);
		Throwable failure = null;
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException | Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			CurrentContext.restore(previous);
			if (failure != null || response.getStatus() >= 500) {
				recordFailure(trace, request, response, failure);
			}
			trace.finish();
		}
	}

	/**
	 * A request that failed (a server error, or an exception on its way out) and traced
	 * nothing still leaves a trace: the one its {@code traceresponse} named.
	 */
	private static void recordFailure(RecordingTrace trace, HttpServletRequest request, HttpServletResponse response,
			@Nullable Throwable failure) {
		RecordingSpan span = trace.startRequestSpan(request.getMethod() + " " + request.getRequestURI());
		if (span == null) {
			return;
		}
		span.setAttribute("http.request.method", request.getMethod());
		span.setAttribute("url.path", request.getRequestURI());
		span.setAttribute("http.response.status_code", (failure != null) ? 500 : response.getStatus());
		Throwable cause = (failure instanceof ServletException servlet && servlet.getCause() != null)
				? servlet.getCause() : failure;
		if (cause != null) {
			span.setError(cause);
		}
		else {
			span.setStatus(SpanStatus.ERROR);
		}
		span.end();
	}

}
