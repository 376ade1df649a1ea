# A hand-built pool that shuts down gracefully: close() puts one sentinel per
# worker after the queued jobs, so every job still runs, then joins every worker.

import queue
import sys
import threading
from collections.abc import Callable
from typing import Self


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: pool
class ThreadPool:
    # The sentinel: a value that no job can be, meaning "no more jobs".
    _STOP = None

    def __init__(self, size: int) -> None:
        assert size > 0, "a pool needs at least one thread"
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._workers = [
            threading.Thread(target=self._work, name=f"worker-{i}") for i in range(size)
        ]
        for worker in self._workers:
            worker.start()

    def _work(self) -> None:
        while (job := self._jobs.get()) is not self._STOP:
            job()

    def execute(self, job: Callable[[], None]) -> None:
        self._jobs.put(job)

    def close(self) -> None:
        # 1. One sentinel per worker, behind every job already queued.
        for _ in self._workers:
            self._jobs.put(self._STOP)
        # 2. Wait for each worker to finish the queue and return.
        for worker in self._workers:
            worker.join()
            say(f"pool: {worker.name} joined")

    # `with ThreadPool(2) as pool:` calls close() at the end of the block, as Rust's drop
    # does. (The stdlib's multiprocessing.pool.ThreadPool calls terminate() there instead.)
    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ANCHOR_END: pool


# ANCHOR: main
def main() -> None:
    finished = 0
    count_lock = threading.Lock()

    def job() -> None:
        nonlocal finished
        with count_lock:
            finished += 1

    with ThreadPool(2) as pool:
        for _ in range(8):
            pool.execute(job)
        say("main: 8 jobs queued, shutting the pool down")
    say(f"main: {finished} of 8 jobs finished")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
