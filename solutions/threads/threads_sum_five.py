"""Exercise `threads_sum_five`, in Python: five threads each sum a slice of a
large list, and the calling thread adds up their five partial sums."""

from __future__ import annotations

import threading
from collections.abc import Callable

THREADS = 5


def sum_in_five_threads(numbers: list[int], sum_slice: Callable[[list[int]], int]) -> int:
    """Adds up `numbers` on five threads, each calling `sum_slice` on its own
    slice; the slices hold every number once, in order."""
    n = len(numbers)
    # Slice i runs from i * n // 5 to (i + 1) * n // 5, as in the Rust
    # version. Each slice is a copy: Python has no borrowed slices of a list.
    slices = [numbers[i * n // THREADS : (i + 1) * n // THREADS] for i in range(THREADS)]
    # A `Thread` returns nothing to `join`: each one writes its partial sum
    # into its own place in a list instead. (A pool's `map` would be shorter,
    # but it may reuse one thread for two slices.)
    partial = [0] * THREADS

    def work(i: int) -> None:
        partial[i] = sum_slice(slices[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(partial)
