"""Tests of the Python version of `shared_bounded_queue` (solutions/shared/
shared_bounded_queue.py): the cases of tests/shared_bounded_queue.rs. A thread
that never wakes up fails its test after a time limit (threads are daemons).

Unlike the Rust tests, these know when a thread is waiting instead of giving it
time: they count the threads inside `wait()` of the solution's Conditions."""

import queue
import threading
import time

import pytest

LIMIT = 10  # seconds: a guard against a thread that never wakes up
NONE_WHILE_OPEN = (
    "pop returned None while the queue was open: a consumer woke up, found no "
    "item (another took it) and did not wait again"
)


def settle(cond: threading.Condition, waiting: int, results: queue.Queue) -> None:
    """Returns once `waiting` threads wait on `cond`, or a thread has returned.

    `Condition._waiters` is CPython's private list of the threads inside
    `wait()`; a thread joins it before it releases the lock. Counting it tells
    for certain that a thread is waiting, where a sleep only makes it likely.
    """
    deadline = time.monotonic() + LIMIT
    while len(cond._waiters) < waiting and results.empty():
        assert time.monotonic() < deadline, f"{waiting} thread(s) never started waiting"
        time.sleep(0.001)


def in_thread(results: queue.Queue, call) -> None:
    def run() -> None:
        try:
            results.put(("ok", call()))
        except Exception as error:  # noqa: BLE001 - reported to the test
            results.put(("raised", error))

    threading.Thread(target=run, daemon=True).start()


def next_result(results: queue.Queue):
    try:
        return results.get(timeout=LIMIT)
    except queue.Empty:
        raise AssertionError(f"no thread returned within {LIMIT} s: one never woke up") from None


def test_items_come_out_in_the_order_they_went_in(solution):
    q = solution.BoundedQueue(3)
    for item in (1, 2, 3):
        q.push(item)
    assert [q.pop(), q.pop(), q.pop()] == [1, 2, 3]


def test_push_blocks_while_the_queue_is_full(solution):
    q = solution.BoundedQueue(1)
    q.push(1)
    results: queue.Queue = queue.Queue()
    in_thread(results, lambda: q.push(2))
    settle(q._not_full, 1, results)
    assert results.empty(), "push returned while the queue was full"
    assert q.pop() == 1
    assert next_result(results) == ("ok", None)
    assert q.pop() == 2


def test_pop_blocks_while_the_queue_is_empty(solution):
    q = solution.BoundedQueue(2)
    results: queue.Queue = queue.Queue()
    in_thread(results, q.pop)
    settle(q._not_empty, 1, results)
    assert results.empty(), "pop returned while the queue was empty and open"
    q.push(7)
    assert next_result(results) == ("ok", 7)


def test_one_item_wakes_one_consumer_and_the_other_keeps_waiting(solution):
    q = solution.BoundedQueue(2)
    results: queue.Queue = queue.Queue()
    in_thread(results, q.pop)
    in_thread(results, q.pop)
    settle(q._not_empty, 2, results)
    assert results.empty(), "pop returned while the queue was empty and open"
    q.push(1)
    # The consumer that finds the item gone may report before the one that
    # took it: check both results for None, whichever comes first.
    first = next_result(results)
    assert first != ("ok", None), NONE_WHILE_OPEN
    assert first == ("ok", 1)
    # The other consumer either waits again or returns: no sleep decides which.
    settle(q._not_empty, 1, results)
    if not results.empty():
        assert results.get() != ("ok", None), NONE_WHILE_OPEN
    q.push(2)
    assert next_result(results) == ("ok", 2)


def test_no_wake_up_is_lost_with_many_producers_and_consumers(solution):
    q = solution.BoundedQueue(1)
    got: list[int] = []
    got_lock = threading.Lock()

    def produce(p: int) -> None:
        for i in range(500):
            q.push(p * 10_000 + i)

    def consume() -> None:
        while (item := q.pop()) is not None:
            with got_lock:
                got.append(item)

    producers = [threading.Thread(target=produce, args=(p,), daemon=True) for p in range(3)]
    consumers = [threading.Thread(target=consume, daemon=True) for _ in range(3)]
    for thread in producers + consumers:
        thread.start()
    for thread in producers:
        thread.join(LIMIT)
        assert not thread.is_alive(), "a producer never woke up"
    q.close()
    for thread in consumers:
        thread.join(LIMIT)
        assert not thread.is_alive(), "a consumer never woke up"
    assert sorted(got) == [p * 10_000 + i for p in range(3) for i in range(500)]


def test_close_releases_every_waiting_consumer(solution):
    q = solution.BoundedQueue(1)
    results: queue.Queue = queue.Queue()
    for _ in range(3):
        in_thread(results, q.pop)
    settle(q._not_empty, 3, results)
    assert results.empty(), "pop returned while the queue was empty and open"
    q.close()
    for _ in range(3):
        assert next_result(results) == ("ok", None), "a closed, empty queue gives None"


def test_close_releases_every_waiting_producer_with_its_item(solution):
    q = solution.BoundedQueue(1)
    q.push(0)
    results: queue.Queue = queue.Queue()
    for item in (1, 2, 3):
        in_thread(results, lambda item=item: q.push(item))
    settle(q._not_full, 3, results)
    assert results.empty(), "push returned while the queue was full"
    q.close()
    refused = [next_result(results) for _ in range(3)]
    assert all(kind == "raised" for kind, _ in refused), refused
    assert sorted(error.item for _, error in refused) == [1, 2, 3]


def test_after_close_consumers_drain_what_is_left(solution):
    q = solution.BoundedQueue(3)
    q.push(1)
    q.push(2)
    q.close()
    with pytest.raises(solution.Closed):
        q.push(3)
    assert [q.pop(), q.pop(), q.pop()] == [1, 2, None]
