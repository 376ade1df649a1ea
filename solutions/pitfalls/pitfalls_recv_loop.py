"""Exercise `pitfalls_recv_loop`, in Python: a queue.Queue cannot count its
senders, so each job's thread puts an agreed "done" marker when its job
returns, and the loop ends after one marker per job."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

Job = Callable[[Callable[[int], None]], None]
DONE = object()  # the marker a job's thread puts when its job has returned


def gather(jobs: list[Job]) -> list[int]:
    q: queue.Queue[object] = queue.Queue()

    def run(job: Job) -> None:
        try:
            job(q.put)
        finally:
            q.put(DONE)

    for job in jobs:
        threading.Thread(target=run, args=(job,)).start()
    results: list[int] = []
    running = len(jobs)
    while running:
        item = q.get()
        if item is DONE:
            running -= 1
        else:
            assert isinstance(item, int)
            results.append(item)
    return results
