# Three workers of uneven size on their own threads, and main joining them,
# recorded as a timeline when COURSE_TRACE names a file.
import json
import os
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


def busy(rounds: int) -> int:
    acc = 0
    for x in range(rounds * 200_000):
        acc ^= x
    return acc


def work(rounds: int) -> None:
    with TIMELINE.span("work"):
        busy(rounds)


# ANCHOR: main
def main() -> None:
    threads = [
        threading.Thread(target=work, args=(rounds,), name=f"worker {rounds}")
        for rounds in (1, 2, 3)
    ]
    for thread in threads:
        thread.start()
    with TIMELINE.span("join"):
        for thread in threads:
            thread.join()
    sys.stdout.write("main: joined 3 workers\n")
    TIMELINE.write()
# ANCHOR_END: main


if __name__ == "__main__":
    main()
