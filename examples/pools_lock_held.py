# Two worker loops that differ by one indentation: running the job inside the
# `with lock:` block keeps the lock, so a pool of two threads runs one job at a time.

import queue
import sys
import threading
from collections.abc import Callable

Job = Callable[[], None]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: loops
# queue.SimpleQueue needs no lock of its own; the lock here stands for the
# Mutex around Rust's Receiver, to show the same mistake.
def let_then_run(jobs: "queue.SimpleQueue[Job | None]", lock: threading.Lock) -> None:
    while True:
        with lock:
            job = jobs.get()
        if job is None:
            return
        job()


def while_let(jobs: "queue.SimpleQueue[Job | None]", lock: threading.Lock) -> None:
    while True:
        with lock:
            job = jobs.get()
            if job is None:
                return
            job()  # runs with the lock held


# ANCHOR_END: loops


class Pool:
    def __init__(self, size: int, worker: Callable[..., None]) -> None:
        self.jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        lock = threading.Lock()
        self.workers = [
            threading.Thread(target=worker, args=(self.jobs, lock)) for _ in range(size)
        ]
        for thread in self.workers:
            thread.start()

    def execute(self, job: Job) -> None:
        self.jobs.put(job)

    def close(self) -> None:
        for _ in self.workers:
            self.jobs.put(None)
        for thread in self.workers:
            thread.join()


# ANCHOR: main
def run_pair(pool: Pool) -> str:
    """Job A waits for a signal from job B; if B cannot start, A gives up after 1 s."""
    b_started = threading.Event()
    outcome: queue.SimpleQueue[str] = queue.SimpleQueue()

    def job_a() -> None:
        if b_started.wait(timeout=1):
            outcome.put("job B ran while job A was running")
        else:
            outcome.put("job A waited 1 s alone: job B could not start")

    pool.execute(job_a)
    pool.execute(b_started.set)
    return outcome.get()


def main() -> None:
    pool = Pool(2, let_then_run)
    say(f"let, then run:  {run_pair(pool)}")
    pool.close()

    pool = Pool(2, while_let)
    say(f"while let:      {run_pair(pool)}")
    pool.close()


if __name__ == "__main__":
    main()
# ANCHOR_END: main
