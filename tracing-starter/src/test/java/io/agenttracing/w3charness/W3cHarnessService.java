package io.agenttracing.w3charness;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The service the official W3C Trace Context harness tests: {@code POST /test} receives a
 * list of {@code {"url", "arguments"}} and posts each {@code arguments} to its
 * {@code url} with a {@code RestClient} from Boot's builder, so the starter continues the
 * caller's trace and propagates it. Run by {@code scripts/w3c-trace-context-harness.sh}.
 */
@SpringBootApplication
public class W3cHarnessService {

	public static void main(String[] args) {
		SpringApplication.run(W3cHarnessService.class, args);
	}

	@RestController
	static class HarnessEndpoint {

		private final RestClient client;

		HarnessEndpoint(RestClient.Builder builder) {
			this.client = builder.build();
		}

		@PostMapping("/test")
		void test(@RequestBody List<Map<String, Object>> actions) {
			for (Map<String, Object> action : actions) {
				this.client.post()
					.uri(String.valueOf(action.get("url")))
					.contentType(MediaType.APPLICATION_JSON)
					.body(action.getOrDefault("arguments", List.of()))
					.retrieve()
					.toBodilessEntity();
			}
		}

	}

}
