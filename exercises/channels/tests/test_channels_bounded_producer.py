"""Tests of the Python version of `channels_bounded_producer` (solutions/
channels/channels_bounded_producer.py): the cases of
tests/channels_bounded_producer.rs. Python's queue has no "receiver dropped",
so the last test sets the `stop` event instead."""

import threading


def test_bounded_queue_of_the_given_capacity(solution):
    for capacity in [1, 3]:
        q, producer, _ = solution.spawn_producer([], capacity, threading.Event())
        assert q.maxsize == capacity, (
            f"the channel must hold at most {capacity} items: make it with "
            f"queue.Queue(maxsize={capacity})"
        )
        assert solution.take(q) is None
        producer.join()


def test_every_item_arrives_in_order_and_the_producer_ends(solution):
    items = [5, 3, 9, 3, 0, 7, 1]
    q, producer, sent = solution.spawn_producer(items, 2, threading.Event())
    assert list(iter(lambda: solution.take(q), None)) == items, (
        "every item must arrive, once, in order"
    )
    producer.join()
    assert sent == [len(items)], "the producer must say how many items it sent"

    q, producer, sent = solution.spawn_producer(range(1, 1001), 0, threading.Event())
    assert list(iter(lambda: solution.take(q), None)) == list(range(1, 1001)), (
        "with capacity 0, too, every item must arrive in order"
    )
    producer.join()


class Watched:
    """The numbers 1..=20, counting how often the producer asks for the next one."""

    def __init__(self) -> None:
        self.pulled = 0

    def __iter__(self):
        for n in range(1, 21):
            self.pulled += 1
            yield n
        self.pulled += 1


def test_items_are_taken_only_when_there_is_room_for_them(solution):
    for capacity in [0, 2]:
        watched = Watched()
        stop = threading.Event()
        q, producer, _ = solution.spawn_producer(iter(watched), capacity, stop)
        try:
            # Asking for item m means items 1..m-1 were sent, and a put completes
            # only when there is room: when the first item has been received,
            # the producer can have asked for at most capacity + 2 items.
            assert solution.take(q) == 1, "the first item must be 1"
            taken = watched.pulled
            assert taken <= capacity + 2, (
                f"by the time the first item arrived, the producer had already asked for {taken} "
                "items: it must take each item only when it is about to send it, so that it is "
                f"never more than {capacity} ahead"
            )
            rest = list(iter(lambda q=q: solution.take(q), None))
            assert rest == list(range(2, 21)), "every item must arrive in order"
            producer.join()
        finally:
            stop.set()  # a failed test must not leave the producer running


def test_stops_when_the_consumer_has_had_enough(solution):
    pulled = [0]

    def items():
        for n in range(100_000):
            pulled[0] += 1
            yield n

    stop = threading.Event()
    q, producer, sent = solution.spawn_producer(items(), 2, stop)
    assert [solution.take(q) for _ in range(3)] == [0, 1, 2]
    stop.set()  # Python's stand-in for dropping the receiver
    producer.join(timeout=5)
    assert not producer.is_alive(), "the producer must stop once the consumer has had enough"
    assert 3 <= sent[0] <= 5, (
        "3 items were received and 2 more fit in the queue, so the producer sent 3 to 5 "
        f"items before noticing; it says it sent {sent[0]}"
    )
    # 3 received, at most 2 in the queue, and the one it was trying to put.
    assert pulled[0] <= 6, (
        f"after the consumer had had enough, the producer went on taking items ({pulled[0]} "
        "of them): stop at the first put that cannot go through"
    )
