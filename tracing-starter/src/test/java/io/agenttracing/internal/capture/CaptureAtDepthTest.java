package io.agenttracing.internal.capture;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.agenttracing.SpanData;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;
import io.agenttracing.annotation.Traced;
import io.agenttracing.testing.TracingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capture never changes the call, at any depth: one-shot values nested in records and
 * beans are never consumed, user getters never run, and a huge value costs what the limit
 * allows.
 */
class CaptureAtDepthTest {

	private final TracingFixture fixture = new TracingFixture(2000, List.of());

	private final Calls calls = this.fixture.proxy(new Calls());

	@AfterEach
	void close() {
		this.fixture.close();
	}

	private SpanData onlySpan() {
		List<TraceData> traces = this.fixture.traces();
		assertThat(traces).hasSize(1);
		return traces.get(0).spans().get(0);
	}

	@Test
	void aStreamInsideARecordIsLeftForTheCall() {
		assertThat(this.calls.count(new Batch("b1", Stream.of("a", "b", "c", "d", "e")))).isEqualTo(5);
		SpanData span = onlySpan();
		assertThat(span.status()).isEqualTo(SpanStatus.OK);
		assertThat(span.input()).startsWith("{\"batch\":{\"name\":\"b1\",\"items\":\"<java.util.stream.");
		assertThat(span.output()).isEqualTo("5");
	}

	@Test
	void anIteratorInsideABeanAndANonCollectionIterableAreLeftForTheCall() {
		Holder holder = new Holder(List.of("x", "y").iterator());
		Iterable<String> once = new OneShotIterable(List.of("p", "q", "r"));
		assertThat(this.calls.drain(holder, once)).isEqualTo(5);
		assertThat(onlySpan().input()).contains("\"items\":\"<java.util.")
			.contains("\"once\":\"<" + OneShotIterable.class.getName() + ">\"");
	}

	@Test
	void aDirectoryStreamIsNeverIterated(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("a.txt"), "a");
		Files.writeString(dir.resolve("b.txt"), "b");
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
			assertThat(this.calls.list(files)).isEqualTo(2);
		}
		assertThat(onlySpan().status()).isEqualTo(SpanStatus.OK);
	}

	@Test
	void captureReadsFieldsAndNeverRunsGetters() {
		Account account = new Account("ada", 3);
		this.calls.open(account);
		SpanData span = onlySpan();
		assertThat(account.getterCalls.get()).isZero();
		assertThat(span.input()).isEqualTo("{\"account\":{\"owner\":\"ada\",\"level\":3}}");
	}

	@Test
	void aHugeArgumentIsCutAtTheLimitAndCyclesArePlaceholders() {
		Node node = new Node("n", "none");
		node.next = node;
		this.calls.huge(new Batch("x".repeat(1_000_000), Stream.empty()), node);
		SpanData span = onlySpan();
		assertThat(span.input()).hasSizeLessThan(2 * 2000 + 200)
			.contains("...[truncated]")
			.contains("\"node\":{\"name\":\"n\",\"next\":\"<cycle " + Node.class.getName() + ">\"}");
	}

	@Test
	void httpHeadersAreCapturedOnlyForAllowedNames() {
		JsonValueCapturer capturer = new JsonValueCapturer(1000, SecretRedactor.defaults(), List.of("Content-Type"));
		HttpHeaders headers = new HttpHeaders();
		headers.add("Authorization", "Bearer very-secret-token-123");
		headers.add("X-Internal", "tenant-7");
		headers.add("Content-Type", "application/json");
		assertThat(capturer.capture(List.of(headers))).isEqualTo("[{\"content-type\":\"application/json\"}]");
		assertThat(new JsonValueCapturer(1000, List.of()).capture(headers)).isEqualTo("{}");
	}

	record Batch(String name, Stream<String> items) {
	}

	static final class Node {

		private final String name;

		private Object next;

		Node(String name, Object next) {
			this.name = name;
			this.next = next;
		}

	}

	static final class Holder {

		private final Iterator<String> items;

		Holder(Iterator<String> items) {
			this.items = items;
		}

	}

	static final class OneShotIterable implements Iterable<String> {

		private final List<String> values;

		private boolean used;

		OneShotIterable(List<String> values) {
			this.values = values;
		}

		@Override
		public Iterator<String> iterator() {
			if (this.used) {
				throw new IllegalStateException("Iterator already obtained");
			}
			this.used = true;
			return this.values.iterator();
		}

	}

	static class Account {

		private final String owner;

		private final int level;

		final transient AtomicInteger getterCalls = new AtomicInteger();

		Account(String owner, int level) {
			this.owner = owner;
			this.level = level;
		}

		/**
		 * A getter with a side effect (and it could as well be slow): capture must never
		 * call it.
		 */
		public String getOwner() {
			this.getterCalls.incrementAndGet();
			return this.owner;
		}

		public int getLevel() {
			this.getterCalls.incrementAndGet();
			return this.level;
		}

	}

	public static class Calls {

		@Traced
		public long count(Batch batch) {
			return batch.items().count();
		}

		@Traced
		public int drain(Holder holder, Iterable<String> once) {
			int n = 0;
			while (holder.items.hasNext()) {
				holder.items.next();
				n++;
			}
			for (String ignored : once) {
				n++;
			}
			return n;
		}

		@Traced
		public int list(DirectoryStream<Path> files) {
			int n = 0;
			for (Path ignored : files) {
				n++;
			}
			return n;
		}

		@Traced
		public void open(Account account) {
		}

		@Traced
		public void huge(Batch batch, Node node) {
		}

	}

}
