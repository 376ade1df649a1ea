# The same uneven job (16 pieces, the first 8 ten times heavier) on a
# ThreadPoolExecutor of two threads, recorded as a timeline when COURSE_TRACE
# names a file. Not work stealing: main submits every piece up front to the
# executor's one shared queue, and a free worker takes the next piece from it.
# A piece cannot split itself and wait for its halves in the same pool (the
# concurrent.futures docs warn that such waits can deadlock), and under the GIL
# the two workers take turns running Python code instead of running together.
import json
import os
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
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

PIECES = 16
# How many numbers a light piece adds up; a heavy piece adds ten times more.
LIGHT = 200_000


def start(i: int) -> int:
    """Where piece i starts: pieces 0 to 7 are heavy, pieces 8 to 15 light."""
    heavy = min(i, PIECES // 2)
    return LIGHT * (10 * heavy + (i - heavy))


def piece(i: int) -> int:
    name = "heavy piece" if i < PIECES // 2 else "light piece"
    with TIMELINE.span(name):
        return sum(range(start(i), start(i + 1)))


# ANCHOR: main
def main() -> None:
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
        with TIMELINE.span("waiting"):
            # Every piece goes into the pool's one queue, in order; no worker
            # splits a piece or takes work from another worker's share.
            futures = [pool.submit(piece, i) for i in range(PIECES)]
            total = sum(future.result() for future in futures)
    sys.stdout.write(f"{PIECES} pieces, 8 heavy and 8 light: total {total}\n")
    assert total == start(PIECES) * (start(PIECES) - 1) // 2
    TIMELINE.write()
# ANCHOR_END: main


if __name__ == "__main__":
    main()
