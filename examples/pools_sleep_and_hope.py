# A hand-made pool of daemon threads, and why "sleep and hope" is wrong: main
# naps, then returns, and every job not yet finished dies with the process.

import queue
import sys
import threading
import time
from collections.abc import Callable


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: pool
class NaivePool:
    """Daemon workers loop forever and nothing joins them: Rust's detached threads."""

    def __init__(self, size: int) -> None:
        self.jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        for _ in range(size):
            threading.Thread(target=self._work, daemon=True).start()

    def _work(self) -> None:
        while True:
            job = self.jobs.get()
            job()

    def execute(self, job: Callable[[], None]) -> None:
        self.jobs.put(job)


# ANCHOR_END: pool


# ANCHOR: main
def main() -> None:
    pool = NaivePool(2)
    finished = 0
    count_lock = threading.Lock()
    # The nap is a guess at how long the jobs take. These jobs take longer on
    # every run: each waits at a barrier for main, and main never gets there.
    barrier = threading.Barrier(3)

    def job() -> None:
        nonlocal finished
        barrier.wait()
        with count_lock:
            finished += 1

    for _ in range(6):
        pool.execute(job)

    # "Give the jobs time to finish."
    time.sleep(0.02)
    with count_lock:
        done = finished
    say(f"main: after a 20 ms nap, {done} of 6 jobs have finished")
    say("main: returning; the unfinished jobs end with the process")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
