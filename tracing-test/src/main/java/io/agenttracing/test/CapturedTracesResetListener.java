package io.agenttracing.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Forgets the captured traces before each test method, so a test sees only the traces its
 * own calls finished, also when test classes share a cached application context.
 * Registered through {@code META-INF/spring.factories}, like Spring's own reset of
 * Mockito beans.
 */
final class CapturedTracesResetListener implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		// Only a context the test already loaded: never load one for this.
		if (testContext.hasApplicationContext()) {
			ApplicationContext context = testContext.getApplicationContext();
			context.getBeanProvider(CapturedTraces.class).ifAvailable(CapturedTraces::clear);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

}
