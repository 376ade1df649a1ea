"""Exercise `threads_join_order`, in Python: run jobs on threads, all at the
same time, and hand back their results in the order the jobs were given."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


def run_all(jobs: list[Callable[[], T]]) -> list[T]:
    """Runs every job on its own thread, all of them at the same time, and
    returns their results in the order of `jobs`, even when a later job
    finishes first."""
    # One worker per job, so that all of them run at once. `map` hands the
    # results back in the order of `jobs`, as joining the Rust handles in
    # order does; `as_completed` would give the order they finish in.
    with ThreadPoolExecutor(max_workers=max(1, len(jobs))) as pool:
        return list(pool.map(lambda job: job(), jobs))
