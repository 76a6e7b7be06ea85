package io.agenttracing.internal.context;

import org.junit.jupiter.api.AfterEach;

import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;

import io.agenttracing.internal.trace.CurrentContext;
import io.agenttracing.internal.trace.PendingExport;
import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.TraceData;
import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.Tracing;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TracingFilterTest {

	private final List<PendingExport> exported = new ArrayList<>();

	private final RecordingTracer tracer = RecordingTracer.builder().sink(this.exported::add).build();

	private final TracingFilter filter = new TracingFilter(this.tracer);

	@BeforeEach
	void install() {
		Tracing.install(this.tracer);
	}

	@AfterEach
	void uninstall() {
		Tracing.uninstall(this.tracer);
	}

	@Test
	void rootSpansOfOneRequestJoinOneTraceFinishedAtTheEnd() throws Exception {
		List<String> traceIds = new ArrayList<>();
		this.filter.doFilter(new MockHttpServletRequest("POST", "/chat"), new MockHttpServletResponse(),
				new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
					@Override
					protected void service(jakarta.servlet.http.HttpServletRequest req,
							jakarta.servlet.http.HttpServletResponse res) {
						traceIds.add(Tracing.currentTraceId());
						try (Span first = TracingFilterTest.this.tracer.startSpan("first", SpanKind.WORKFLOW)) {
							traceIds.add(first.traceId());
						}
						try (Span second = TracingFilterTest.this.tracer.startSpan("second", SpanKind.AGENT)) {
							traceIds.add(second.traceId());
						}
						assertThat(TracingFilterTest.this.exported).isEmpty();
					}
				}));
		assertThat(traceIds).hasSize(3).containsOnly(traceIds.get(0));
		assertThat(this.exported).hasSize(1);
		TraceData trace = this.exported.get(0).snapshot();
		assertThat(trace.name()).isEqualTo("first");
		assertThat(trace.roots()).extracting("name").containsExactly("first", "second");
		assertThat(CurrentContext.get()).isNull();
	}

	@Test
	void requestWithoutSpansExportsNothing() throws Exception {
		this.filter.doFilter(new MockHttpServletRequest("GET", "/health"), new MockHttpServletResponse(),
				new MockFilterChain());
		assertThat(this.exported).isEmpty();
		assertThat(CurrentContext.get()).isNull();
	}

	@Test
	void scopeLeakedByApplicationCodeDoesNotOutliveTheRequest() throws Exception {
		this.filter.doFilter(new MockHttpServletRequest("GET", "/leaky"), new MockHttpServletResponse(),
				new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
					@Override
					protected void service(jakarta.servlet.http.HttpServletRequest req,
							jakarta.servlet.http.HttpServletResponse res) {
						TracingFilterTest.this.tracer.startSpan("never-closed", SpanKind.TOOL);
					}
				}));
		assertThat(CurrentContext.get()).isNull();
	}

}
