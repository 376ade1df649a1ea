"""Exercise `threads_make_it_compile`, in Python. There is nothing to make
compile: Python lets every thread see every variable and any object, and
leaves it to you to share them safely. Here that means a lock around the
counter, held only while adding."""

from __future__ import annotations

import threading
from collections.abc import Callable


def measure_all(words: list[str], measure: Callable[[str], int]) -> list[int]:
    """Measures every word on a thread of its own, all at the same time, and
    returns the measures in the order of `words`."""
    measures = [0] * len(words)

    def run(i: int) -> None:
        measures[i] = measure(words[i])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(words))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return measures


def count_together(threads: int, work: Callable[[], int]) -> int:
    """Runs `work` on `threads` threads at the same time and returns the sum
    of what they returned, added up in a counter the threads share."""
    total = 0
    lock = threading.Lock()

    def run() -> None:
        nonlocal total
        done = work()  # outside the lock, or the threads would take turns
        with lock:
            total += done

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return total
