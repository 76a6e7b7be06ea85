package io.agenttracing.context;

import java.io.IOException;

import io.agenttracing.CurrentContext;
import io.agenttracing.Scope;
import io.agenttracing.TraceContext;
import io.agenttracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens one trace per HTTP request, so every span of the request joins it, and finishes it when
 * the request ends. The previous scope of the thread is restored in {@code finally}: a pooled
 * server thread never carries a trace into the next request. A request that records no span
 * exports nothing.
 */
public final class TracingFilter extends OncePerRequestFilter {

	private final Tracer tracer;

	public TracingFilter(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		TraceContext trace = this.tracer.openTrace(null);
		Scope previous = CurrentContext.attach(trace);
		try {
			chain.doFilter(request, response);
		}
		finally {
			CurrentContext.restore(previous);
			trace.finish();
		}
	}

}
