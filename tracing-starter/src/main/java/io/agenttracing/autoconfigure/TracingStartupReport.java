package io.agenttracing.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import io.agenttracing.internal.export.ExportPipeline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Logs one line once the application is ready: which exporters receive traces and, where
 * the {@code traces} endpoint is exposed over HTTP, the URL to read them at.
 */
final class TracingStartupReport implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(TracingStartupReport.class);

	private final ExportPipeline pipeline;

	private final ObjectProvider<TracesEndpointPath> endpointPath;

	private final Environment environment;

	TracingStartupReport(ExportPipeline pipeline, ObjectProvider<TracesEndpointPath> endpointPath,
			Environment environment) {
		this.pipeline = pipeline;
		this.endpointPath = endpointPath;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (event.getApplicationContext().getParent() != null) {
			return;
		}
		List<String> exporters = this.pipeline.exporterNames();
		String line = "Agent tracing exports to "
				+ (exporters.isEmpty() ? "no exporter" : String.join(", ", exporters));
		String url = endpointUrl();
		if (url == null) {
			logger.info(line);
			return;
		}
		boolean viewer = this.environment.getProperty("agent.tracing.ui.enabled", Boolean.class, true)
				&& event.getApplicationContext() instanceof org.springframework.web.context.WebApplicationContext;
		logger.info(line + "; recent traces at " + url + (viewer ? ", viewer at " + url + "/ui/" : ""));
	}

	/**
	 * Where the endpoint answers, on the management port if there is one; null if not
	 * over HTTP.
	 */
	@Nullable String endpointUrl() {
		TracesEndpointPath path = this.endpointPath.getIfAvailable();
		String endpoint = (path != null) ? path.get() : null;
		if (endpoint == null) {
			return null;
		}
		String managementPort = this.environment.getProperty("local.management.port");
		String serverPort = this.environment.getProperty("local.server.port");
		if (managementPort != null) {
			return "http://localhost:" + managementPort + endpoint;
		}
		if (serverPort == null) {
			return null;
		}
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		return "http://localhost:" + serverPort + (contextPath.equals("/") ? "" : contextPath) + endpoint;
	}

	/**
	 * The path of the {@code traces} endpoint, base path included, or null where it is
	 * not exposed over HTTP.
	 */
	interface TracesEndpointPath extends Supplier<@Nullable String> {

	}

}
