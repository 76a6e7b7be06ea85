package io.agenttracing.internal.export;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

/**
 * A bounded queue for many producers and one consumer that takes no lock: a producer
 * claims a slot with one compare-and-set on the tail and fills it; the consumer empties
 * slots in order. A full queue refuses the element, which the caller counts as dropped.
 * Producers never wait on the consumer, and the consumer never makes producers wait.
 *
 * @param <E> the element type
 */
final class BoundedMpscQueue<E> {

	private final AtomicReferenceArray<@Nullable E> slots;

	private final int mask;

	private final int capacity;

	/** Next slot a producer claims. */
	private final AtomicLong tail = new AtomicLong();

	/**
	 * The consumer's published position: slots before it are free for producers. Written
	 * by the consumer only, and only every few elements (at most 32, at most a sixteenth
	 * of the capacity) or when it finds the queue empty: while the queue is full,
	 * producers read it on every offer, and a write per element would move its cache line
	 * between the cores each time, slowing the consumer exactly when it has most to catch
	 * up on.
	 */
	private final AtomicLong head = new AtomicLong();

	/** One less than the number of elements taken between two publications of head. */
	private final int publishMask;

	/** Next slot the consumer reads; the consumer's own, unpublished. */
	private long next;

	/**
	 * The tail up to which producers may claim without reading {@link #head}: the
	 * consumer writes head for every element, and reading it on every offer would move
	 * its cache line between cores each time. Producers renew the limit only when they
	 * reach it.
	 */
	private final AtomicLong producerLimit;

	BoundedMpscQueue(int capacity) {
		if (capacity <= 0) {
			throw new IllegalArgumentException("capacity must be positive, got " + capacity);
		}
		int slots = Integer.highestOneBit(capacity);
		slots = (slots < capacity) ? slots << 1 : slots;
		this.slots = new AtomicReferenceArray<>(slots);
		this.mask = slots - 1;
		this.capacity = capacity;
		this.producerLimit = new AtomicLong(capacity);
		this.publishMask = Math.max(1, Math.min(32, Integer.highestOneBit(capacity / 16))) - 1;
	}

	/** Adds {@code element} unless the queue is full; never blocks. */
	boolean offer(E element) {
		long limit = this.producerLimit.get();
		long claimed;
		do {
			claimed = this.tail.get();
			if (claimed >= limit) {
				limit = this.head.get() + this.capacity;
				if (claimed >= limit) {
					return false;
				}
				this.producerLimit.lazySet(limit);
			}
		}
		while (!this.tail.compareAndSet(claimed, claimed + 1));
		this.slots.lazySet((int) claimed & this.mask, element);
		return true;
	}

	/**
	 * The oldest element, or {@code null} when the queue is empty or its oldest slot is
	 * claimed but not yet filled (the next call sees it). Only the consumer thread calls
	 * this.
	 */
	@Nullable E poll() {
		long next = this.next;
		int index = (int) next & this.mask;
		E element = this.slots.get(index);
		if (element == null) {
			if (this.head.get() != next) {
				this.head.lazySet(next);
			}
			return null;
		}
		this.slots.lazySet(index, null);
		this.next = ++next;
		if ((next & this.publishMask) == 0) {
			this.head.lazySet(next);
		}
		return element;
	}

	int size() {
		return (int) Math.max(0, this.tail.get() - this.head.get());
	}

	boolean isEmpty() {
		return size() == 0;
	}

}
