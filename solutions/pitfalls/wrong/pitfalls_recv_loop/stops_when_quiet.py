# expect: failed
# message: before the slow job had finished
# Ends the loop after 100 ms without an item: it always returns, but too early
# whenever a job pauses longer than that.
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
            results.append(q.get(timeout=0.1))
        except queue.Empty:
            return results
