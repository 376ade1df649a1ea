# Two threads doing pure CPU work in many small pieces, each marking an
# instant after every piece: under the GIL they take turns; on the
# free-threaded build both make progress at the same time (recorded as
# timelines when COURSE_TRACE names a file).
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

PIECES = 1_000  # pieces of work per thread
TURNS = 5_000  # loop turns in one piece: a tenth of a millisecond or so


def piece(turns: int) -> int:
    """One piece of CPU work: a loop over a small range."""
    acc = 0
    for x in range(turns):
        acc ^= x
    return acc


# ANCHOR: main
def worker(start: threading.Barrier, done: list[int], slot: int) -> None:
    start.wait()  # both start together
    for _ in range(PIECES):
        piece(TURNS)
        TIMELINE.instant("piece done")
    done[slot] = PIECES


def main() -> None:
    start = threading.Barrier(2)
    done = [0, 0]
    threads = [
        threading.Thread(target=worker, args=(start, done, slot), name=f"worker {slot + 1}")
        for slot in range(2)
    ]
    for thread in threads:
        thread.start()
    for slot, thread in enumerate(threads):
        thread.join()
        sys.stdout.write(f"worker {slot + 1}: {done[slot]} pieces done\n")
    TIMELINE.write()
# ANCHOR_END: main


if __name__ == "__main__":
    main()
