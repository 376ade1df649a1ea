# Three asyncio tasks, recorded as a timeline when COURSE_TRACE names a file:
# tasks that await asyncio.sleep between their steps take turns on the event
# loop; the same tasks calling time.sleep instead run one after another.
import asyncio
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

# How long each step computes, and how long a task sleeps between steps (s).
WORK = 0.003
PAUSE = 0.015


def compute(task: int, step: int) -> None:
    """Short CPU work: keeps the thread busy for WORK, then says which step ended."""
    start = time.perf_counter()
    while time.perf_counter() - start < WORK:
        pass
    sys.stdout.write(f"task {task}: step {step}\n")


# ANCHOR: main
async def steps(task: int, blocking: bool) -> None:
    """Two steps of work with a sleep between them: awaited, or blocking."""
    with TIMELINE.span("step 1"):
        compute(task, 1)
    if blocking:
        time.sleep(PAUSE)  # holds the event loop's only thread
    else:
        await asyncio.sleep(PAUSE)  # gives the loop back meanwhile
    with TIMELINE.span("step 2"):
        compute(task, 2)


async def main() -> None:
    sys.stdout.write("await: the tasks await a sleep between their steps\n")
    tasks = [asyncio.create_task(steps(task, False)) for task in (1, 2, 3)]
    for running in tasks:
        await running

    sys.stdout.write("blocking: the tasks block in a sleep between their steps\n")
    tasks = [asyncio.create_task(steps(task, True)) for task in (1, 2, 3)]
    for running in tasks:
        await running
    TIMELINE.write()
# ANCHOR_END: main


if __name__ == "__main__":
    asyncio.run(main())
