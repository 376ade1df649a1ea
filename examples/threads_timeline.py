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
        self.events: list[dict[str, object]] = []
        self.lock = threading.Lock()

    def _add(self, phase: str, name: str) -> None:
        if not self.path:
            return
        now = time.perf_counter_ns() / 1000  # microseconds, as the format wants
        thread = threading.current_thread()
        with self.lock:
            if not any(e["tid"] == thread.ident and e["ph"] == "M" for e in self.events):
                self.events.append({"ph": "M", "name": "thread_name", "pid": 1,
                                    "tid": thread.ident, "args": {"name": thread.name}})
            self.events.append({"ph": phase, "name": name, "pid": 1,
                                "tid": thread.ident, "ts": now})

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
            with self.lock, open(self.path, "w") as file:
                json.dump(self.events, file)


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
