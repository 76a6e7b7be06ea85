package io.agenttracing.sample;

import org.springframework.test.context.TestPropertySource;

/**
 * Every trace viewer test again, with the viewer reading the JDBC trace store (an
 * embedded H2 database, whose tables the store creates) instead of memory.
 */
@TestPropertySource(
		properties = { "agent.tracing.store=jdbc", "spring.datasource.url=jdbc:h2:mem:viewer-store;DB_CLOSE_DELAY=-1" })
class JdbcStoreTraceViewerBrowserTest extends TraceViewerBrowserTest {

}
