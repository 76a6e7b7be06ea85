package io.agenttracing.internal.export;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedMpscQueueTest {

	@Test
	void refusesBeyondCapacityAndAcceptsAgainOnceDrained() {
		BoundedMpscQueue<Integer> queue = new BoundedMpscQueue<>(3);
		assertThat(queue.offer(1)).isTrue();
		assertThat(queue.offer(2)).isTrue();
		assertThat(queue.offer(3)).isTrue();
		assertThat(queue.offer(4)).isFalse();
		assertThat(queue.size()).isEqualTo(3);
		assertThat(queue.poll()).isEqualTo(1);
		assertThat(queue.offer(5)).isTrue();
		assertThat(queue.poll()).isEqualTo(2);
		assertThat(queue.poll()).isEqualTo(3);
		assertThat(queue.poll()).isEqualTo(5);
		assertThat(queue.poll()).isNull();
		assertThat(queue.isEmpty()).isTrue();
	}

	@Test
	void freedSpaceReachesProducersInStepsAndWholeOnceTheQueueIsEmpty() {
		BoundedMpscQueue<Integer> queue = new BoundedMpscQueue<>(64);
		for (int i = 0; i < 64; i++) {
			assertThat(queue.offer(i)).isTrue();
		}
		assertThat(queue.offer(64)).isFalse();
		// The consumer tells producers about free slots every fourth element at this
		// capacity.
		assertThat(queue.poll()).isEqualTo(0);
		assertThat(queue.offer(64)).isFalse();
		for (int i = 1; i < 4; i++) {
			assertThat(queue.poll()).isEqualTo(i);
		}
		assertThat(queue.offer(64)).isTrue();
		for (int i = 4; i <= 64; i++) {
			assertThat(queue.poll()).isEqualTo(i);
		}
		assertThat(queue.poll()).isNull();
		assertThat(queue.isEmpty()).isTrue();
		for (int i = 0; i < 64; i++) {
			assertThat(queue.offer(i)).isTrue();
		}
		assertThat(queue.offer(64)).isFalse();
	}

	@Test
	void concurrentProducersLoseNothingAcceptedAndKeepTheirOrder() throws Exception {
		int producers = 4;
		int perProducer = 50_000;
		BoundedMpscQueue<long[]> queue = new BoundedMpscQueue<>(64);
		ExecutorService pool = Executors.newFixedThreadPool(producers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> accepted = new ArrayList<>();
		for (int p = 0; p < producers; p++) {
			long producer = p;
			accepted.add(pool.submit(() -> {
				start.await();
				int count = 0;
				for (int i = 0; i < perProducer; i++) {
					if (queue.offer(new long[] { producer, i })) {
						count++;
					}
				}
				return count;
			}));
		}
		start.countDown();
		long[] lastSeen = { -1, -1, -1, -1 };
		int received = 0;
		while (!allDone(accepted) || !queue.isEmpty()) {
			long[] element = queue.poll();
			if (element == null) {
				Thread.onSpinWait();
				continue;
			}
			int producer = (int) element[0];
			assertThat(element[1]).isGreaterThan(lastSeen[producer]);
			lastSeen[producer] = element[1];
			received++;
		}
		pool.shutdown();
		int total = 0;
		for (Future<Integer> count : accepted) {
			total += count.get();
		}
		assertThat(received).isEqualTo(total).isPositive();
	}

	private static boolean allDone(List<Future<Integer>> futures) {
		return futures.stream().allMatch(Future::isDone);
	}

}
