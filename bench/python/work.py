"""The work the Python half of the benchmark times: the kernels that the
measuring pages show beside their Rust counterparts (crates/bench/src/measure/).
Top-level functions, so that a worker process can find them by name."""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable

MASK = (1 << 64) - 1


# ANCHOR: spin
def spin(n: int, seed: int = 0) -> int:
    """n rounds of a 64-bit xorshift generator, as measure/cpu.rs's `spin`."""
    x = seed | 1
    for _ in range(n):
        x ^= (x << 13) & MASK
        x ^= x >> 7
        x ^= (x << 17) & MASK
    return x
    # ANCHOR_END: spin


def spin_args(args: tuple[int, int]) -> int:
    return spin(*args)


# ANCHOR: square_sum
def square_sum(numbers: list[int]) -> int:
    return sum(x * x for x in numbers)
    # ANCHOR_END: square_sum


def produce(q, n: int) -> None:
    for i in range(n):
        q.put(i)
    q.put(None)


def nothing() -> None:
    pass


def nothing_with(_: int) -> None:
    pass


async def nothing_async() -> None:
    pass


# ANCHOR: pieces
def cpu_piece(seed: int) -> int:
    return spin(CPU_PIECE, seed)


def sleeping_piece(_seed: int) -> None:
    time.sleep(SLEEP_PIECE)
    # ANCHOR_END: pieces


CPU_PIECE = 10_000  # iterations of spin
SLEEP_PIECE = 0.001  # seconds: as long as the Rust piece sleeps


# The same counting list as examples/rayon_shared_data.py's: a twin stays one
# standalone file, so the class is written in both.
# ANCHOR: counted
class CountedTable(list[int]):
    """A list that counts, in the parent, each time it is pickled and its bytes."""

    pickles = 0
    size = 0

    def __reduce__(self) -> tuple[Callable[[bytes], list[int]], tuple[bytes]]:
        data = pickle.dumps(list(self))
        CountedTable.pickles += 1
        CountedTable.size += len(data)
        return pickle.loads, (data,)  # the worker gets a plain list


TABLE: list[int] = []


def keep(table: list[int]) -> None:
    TABLE[:] = table  # the initializer: once in each worker


def table_length(_: int) -> int:
    return len(TABLE)
    # ANCHOR_END: counted
