"""Exercise `channels_bounded_producer`, in Python: a producer thread that is
never more than `capacity` items ahead, with queue.Queue(maxsize=capacity).
Python has no rendezvous queue and no "receiver dropped", so capacity 0 is
put() followed by join(), and the consumer sets a `stop` event when it has
had enough."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable

DONE = None  # put at the end: Rust's closed channel


def spawn_producer(
    items: Iterable[int], capacity: int, stop: threading.Event
) -> tuple[queue.Queue[int | None], threading.Thread, list[int]]:
    """Starts a thread that puts each of `items`, in order, into a queue that
    holds at most `capacity` items, taking each item only when it is about to
    put it. Returns the queue, the thread, and a one-element list in which the
    thread leaves how many items it sent. The thread ends when the items run
    out (after putting DONE) or when `stop` is set."""
    # maxsize=0 would mean "no limit", the opposite of what capacity 0 asks for.
    q: queue.Queue[int | None] = queue.Queue(maxsize=max(capacity, 1))
    sent = [0]

    def put(item: int | None) -> bool:
        # A blocked put() cannot notice that the consumer has gone, so wait
        # in short slices and look at `stop` in between.
        while not stop.is_set():
            try:
                q.put(item, timeout=0.01)
            except queue.Full:
                continue
            if capacity == 0:
                # A rendezvous: wait until the consumer has taken it. (join()
                # cannot be interrupted by `stop`; the thread is a daemon so
                # that a consumer that leaves cannot keep the program alive.)
                q.join()
            return True
        return False

    def produce() -> None:
        for item in items:
            if not put(item):
                return
            sent[0] += 1
        put(DONE)

    thread = threading.Thread(target=produce, daemon=True)
    thread.start()
    return q, thread, sent


def take(q: queue.Queue[int | None]) -> int | None:
    """The consumer's side: one item (or DONE), marked done at once."""
    item = q.get()
    q.task_done()
    return item
