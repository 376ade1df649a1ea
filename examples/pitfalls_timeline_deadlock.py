# The lock-order deadlock of pitfalls_deadlock, recorded as a timeline when COURSE_TRACE
# names a file: how long each thread held its first lock, and waited for its second.
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


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def main() -> None:
    a, b = threading.Lock(), threading.Lock()
    both_hold_one = threading.Barrier(3)
    done: queue.Queue[str] = queue.Queue()

    def transfer(name: str, first: threading.Lock, second: threading.Lock, names: str) -> None:
        with first, TIMELINE.span(f"holds {names[0]}"):
            both_hold_one.wait()
            say(f"{name}: holds {names[0]}, waits for {names[1]}")
            with TIMELINE.span(f"waits for {names[1]}"):
                second.acquire()  # never returns
            try:
                done.put(name)
            finally:
                second.release()

    for args in [("left", a, b, "ab"), ("right", b, a, "ba")]:
        # daemon=True: the interpreter must not wait for these threads at exit.
        threading.Thread(target=transfer, args=args, name=args[0], daemon=True).start()

    both_hold_one.wait()
    deadlocked = False
    with TIMELINE.span("watchdog waits"):
        for _ in range(2):
            try:
                done.get(timeout=1)
            except queue.Empty:
                deadlocked = True
                break
    if deadlocked:
        TIMELINE.instant("watchdog: deadlock")
        say("watchdog: no thread finished within 1 s: deadlock")
        # os._exit runs no cleanup: write the trace and flush the output first.
        TIMELINE.write()
        sys.stdout.flush()
        os._exit(1)
    say("both threads finished")
    TIMELINE.write()


# ANCHOR_END: main


if __name__ == "__main__":
    main()
