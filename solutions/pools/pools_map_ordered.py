"""Exercise `pools_map_ordered`, in Python: run `f` on every input on a
given pool, and return the results in the order of the inputs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_ordered(pool: Executor, inputs: Iterable[T], f: Callable[[T], R]) -> list[R]:
    """Runs `f` on every input as a job on `pool`, queuing all of them before
    waiting for any, and returns the results in the order of `inputs`. If a
    job raises, so does `map_ordered`."""
    # Built in: Executor.map submits every job at once and yields the results
    # in the order of the inputs; a job's exception is raised when its turn comes.
    return list(pool.map(f, inputs))
