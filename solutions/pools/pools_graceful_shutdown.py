"""Exercise `pools_graceful_shutdown`, in Python: a thread pool whose close()
runs every queued job, then joins every worker."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Self

Job = Callable[[], None]


class ThreadPool:
    """A fixed set of threads taking jobs from one queue."""

    def __init__(self, size: int) -> None:
        assert size > 0, "a pool needs at least one thread"
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._workers = [threading.Thread(target=self._work) for _ in range(size)]
        for worker in self._workers:
            worker.start()

    def _work(self) -> None:
        # None is the sentinel: "no more jobs". queue.get() does its own
        # locking, so there is no lock to hold by mistake while a job runs.
        while (job := self._jobs.get()) is not None:
            job()

    def execute(self, job: Job) -> None:
        """Queues `job`; a worker runs it as soon as one is free."""
        self._jobs.put(job)

    def close(self) -> None:
        """Rust's `drop`: one sentinel per worker, behind every queued job,
        then wait for each worker to finish the queue and return."""
        for _ in self._workers:
            self._jobs.put(None)
        for worker in self._workers:
            worker.join()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
