# expect: failed
# message: gather did not return within 2 s
# A bigger timeout: ends the loop after 1.5 s without an item. It waits out every
# shorter pause, but returns 1.5 s after the last job is done: too late for the watchdog.
from __future__ import annotations

import queue
import threading
from collections.abc import Callable

Job = Callable[[Callable[[int], None]], None]


def gather(jobs: list[Job]) -> list[int]:
    q: queue.Queue[int] = queue.Queue()
    for job in jobs:
        threading.Thread(target=job, args=(q.put,)).start()
    results: list[int] = []
    while True:
        try:
            results.append(q.get(timeout=1.5))
        except queue.Empty:
            return results
