# Backpressure as a timeline, recorded when COURSE_TRACE names a file: a producer
# puts into queue.Queue(maxsize=2) faster than a slow consumer can get, so it
# spends most of the run waiting inside put. Twin of channels_timeline_backpressure.rs.
import json
import os
import queue
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


# ANCHOR: trace
class Timeline:
    """Spans in Chrome's trace-event format, written to $COURSE_TRACE (if set)."""

    def __init__(self) -> None:
        self.path = os.environ.get("COURSE_TRACE")
        # Each thread appends to a list of its own, so recording takes no lock
        # that could make the threads wait for each other; the lock only
        # guards adding a thread's list, once per thread.
        self.lanes: dict[threading.Thread, list[dict[str, object]]] = {}
        self.lock = threading.Lock()

    def _lane(self) -> list[dict[str, object]]:
        thread = threading.current_thread()
        events = self.lanes.get(thread)
        if events is None:
            with self.lock:
                tid = len(self.lanes)
                events = [{"ph": "M", "name": "thread_name", "pid": 1, "tid": tid,
                           "args": {"name": thread.name}}]
                self.lanes[thread] = events
        return events

    def _add(self, phase: str, name: str) -> None:
        if self.path:
            now = time.perf_counter_ns() / 1000  # microseconds, as the format wants
            events = self._lane()
            events.append({"ph": phase, "name": name, "pid": 1, "tid": events[0]["tid"],
                           "ts": now})

    def instant(self, name: str) -> None:
        self._add("i", name)

    @contextmanager
    def span(self, name: str) -> Iterator[None]:
        self._add("B", name)
        try:
            yield
        finally:
            self._add("E", name)

    def write(self) -> None:
        if self.path:
            with self.lock:
                events = [event for lane in self.lanes.values() for event in lane]
            with open(self.path, "w") as file:
                json.dump(events, file)


# ANCHOR_END: trace


TIMELINE = Timeline()
ITEMS = 10


def slow_work(item: int) -> int:
    """The consumer's slow work on one item."""
    time.sleep(0.015)
    return item


# ANCHOR: main
def main() -> None:
    q: queue.Queue[int | None] = queue.Queue(maxsize=2)  # room for 2 items, no more
    sent = [0]
    done: list[int] = []

    def produce() -> None:
        for item in range(1, ITEMS + 1):
            with TIMELINE.span("send"):
                q.put(item)  # waits while the queue holds 2 items
        sent[0] = ITEMS
        q.put(None)  # no more items: ends the consumer's loop

    def consume() -> None:
        with TIMELINE.span("drain"):
            for item in iter(q.get, None):
                with TIMELINE.span("consume"):
                    done.append(slow_work(item))

    producer = threading.Thread(target=produce, name="producer")
    consumer = threading.Thread(target=consume, name="consumer")
    producer.start()
    consumer.start()
    producer.join()
    consumer.join()
    sys.stdout.write(f"producer: sent {sent[0]} items\n")
    sys.stdout.write(f"consumer: took {done}\n")
    TIMELINE.write()
# ANCHOR_END: main


if __name__ == "__main__":
    main()
