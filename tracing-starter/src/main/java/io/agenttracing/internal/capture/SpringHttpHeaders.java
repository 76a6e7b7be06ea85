package io.agenttracing.internal.capture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * Reads Spring's {@link HttpHeaders}. Loaded only when such a value is captured, so
 * spring-web stays optional.
 */
final class SpringHttpHeaders {

	private SpringHttpHeaders() {
	}

	static Map<String, List<String>> asMap(Object headers) {
		Map<String, List<String>> all = new LinkedHashMap<>();
		((HttpHeaders) headers).forEach(all::put);
		return all;
	}

}
