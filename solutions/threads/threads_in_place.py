"""Exercise `threads_in_place`, in Python: change an array in place on
several threads, each one writing through a view of its own piece."""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable


def update_in_place(numbers: array, threads: int, update: Callable[[memoryview], None]) -> None:
    """Calls `update` on every number of `numbers`, in place, on at most
    `threads` threads that all run at the same time, each on its own piece."""
    # A `memoryview` slice is a view into the array, not a copy: writing
    # through it changes `numbers`, as Rust's `&mut` pieces do. Nothing but
    # care keeps two Python threads' pieces apart; `chunks_mut` proves it.
    view = memoryview(numbers)
    piece_len = max(1, -(-len(numbers) // threads))  # the ceiling of len / threads
    pieces = [view[start : start + piece_len] for start in range(0, len(numbers), piece_len)]
    workers = [threading.Thread(target=update, args=(piece,)) for piece in pieces]
    for worker in workers:
        worker.start()
    # Rust's `thread::scope` joins its threads when it ends; here it is explicit.
    for worker in workers:
        worker.join()
