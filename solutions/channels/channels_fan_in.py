"""Exercise `channels_fan_in`, in Python: merge two queues into one list of
events. Python cannot wait on two queues at once, so one forwarding thread
per queue moves everything into a single merged queue, which is read with
get(timeout=quiet). A None in a queue stands for Rust's closed channel."""

from __future__ import annotations

import queue
import threading

Event = tuple[str, object]  # ("reading", 3), ("alarm", "smoke") or QUIET
QUIET: Event = ("quiet", None)
CLOSED = None  # what a producer puts when it is done


def fan_in(readings: queue.Queue, alarms: queue.Queue, quiet: float) -> list[Event]:
    """Events from both queues in the order received, until both are closed,
    or until neither delivers anything for `quiet` seconds: then the last
    event is QUIET."""
    merged: queue.Queue[Event | None] = queue.Queue()

    def forward(source: queue.Queue, kind: str) -> None:
        for item in iter(source.get, CLOSED):
            merged.put((kind, item))
        merged.put(None)  # this source is closed

    # Daemon threads: a forwarder whose queue never closes stays blocked in
    # get() after fan_in has returned, and must not keep the program alive.
    # (A blocked get() cannot be cancelled; Rust's select! has no such leftover.)
    for source, kind in [(readings, "reading"), (alarms, "alarm")]:
        threading.Thread(target=forward, args=(source, kind), daemon=True).start()

    events: list[Event] = []
    open_sources = 2
    while open_sources:
        try:
            event = merged.get(timeout=quiet)
        except queue.Empty:
            events.append(QUIET)
            break
        if event is None:
            open_sources -= 1
        else:
            events.append(event)
    return events
