package io.agenttracing.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.agenttracing.internal.actuate.TraceViewer;
import io.agenttracing.internal.actuate.TracesEndpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.PropertiesEndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.core.env.Environment;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The trace viewer, at {@code <traces endpoint>/ui/}: in the context that serves the
 * actuator (the management server's, when it has its own port), under the actuator's base
 * path, so the rules that guard actuator paths guard it too. Only where the
 * {@code traces} endpoint is exposed over HTTP; off with
 * {@code agent.tracing.ui.enabled=false}.
 */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SimpleUrlHandlerMapping.class)
@ConditionalOnAvailableEndpoint(endpoint = TracesEndpoint.class, exposure = EndpointExposure.WEB)
@ConditionalOnBean({ TracesEndpoint.class, PathMappedEndpoints.class })
@ConditionalOnBooleanProperty(name = "agent.tracing.ui.enabled", matchIfMissing = true)
class TraceViewerManagementContextConfiguration {

	/** Before the actuator's own mapping, which would read "ui" as a trace id. */
	private static final int ORDER = -101;

	@Bean
	SimpleUrlHandlerMapping agentTracingViewerHandlerMapping(PathMappedEndpoints endpoints,
			ObjectProvider<EndpointAccessResolver> accessResolver, Environment environment) {
		String traces = endpoints.getPath(EndpointId.of("traces"));
		if (traces == null) {
			throw new IllegalStateException("The traces endpoint has no HTTP path");
		}
		// The page offers to add scores only where the endpoint takes them.
		EndpointAccessResolver resolver = accessResolver
			.getIfAvailable(() -> new PropertiesEndpointAccessResolver(environment));
		boolean writable = resolver.accessFor(EndpointId.of("traces"), Access.READ_ONLY) == Access.UNRESTRICTED;
		TraceViewer viewer = new TraceViewer(writable);
		Map<String, Object> urls = new LinkedHashMap<>();
		urls.put(traces + "/ui", viewer);
		urls.put(traces + "/ui/", viewer);
		urls.put(traces + "/ui/*", viewer);
		return new SimpleUrlHandlerMapping(urls, ORDER);
	}

}
