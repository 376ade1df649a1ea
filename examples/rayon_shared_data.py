# What crosses to a worker process is pickled. The twin counts it: the same table
# sent with every task, then once per worker with an initializer (start method: spawn).
import multiprocessing
import pickle
import sys
from collections.abc import Callable


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
class CountedTable(list[int]):
    """A list that counts, in the parent, each time it is pickled and the bytes."""

    pickles = 0
    size = 0

    def __reduce__(self) -> tuple[Callable[[bytes], list[int]], tuple[bytes]]:
        data = pickle.dumps(list(self))
        CountedTable.pickles += 1
        CountedTable.size += len(data)
        return pickle.loads, (data,)  # the worker gets a plain list


TABLE: list[int] = []


def load(table: list[int]) -> None:
    TABLE[:] = table  # runs once in each worker, with the worker's own copy


def lookup(queries: list[int]) -> int:
    return sum(TABLE[q] for q in queries)


def lookup_in(task: tuple[list[int], list[int]]) -> int:
    table, queries = task
    return sum(table[q] for q in queries)


def main() -> None:
    table = CountedTable(n * n % 1_000_003 for n in range(1_000_000))
    say(f"table: {len(table)} numbers, {len(pickle.dumps(list(table)))} bytes pickled")
    queries = [i * 199 % len(table) for i in range(5_000)]
    batches = [queries[i::4] for i in range(4)]
    # spawn: a worker is a fresh interpreter, so all it gets from the parent is pickled
    # (under fork, initargs are inherited with the parent's memory, not pickled).
    spawn = multiprocessing.get_context("spawn")
    # Pool's `with` ends in terminate(), not close(): harmless here, as map has
    # already returned every result and the workers are idle.

    with spawn.Pool(processes=2) as pool:  # 4 tasks, each carrying the table
        checksum = sum(pool.map(lookup_in, [(table, b) for b in batches], chunksize=1))
    say(f"with each task: pickled {CountedTable.pickles} times, {CountedTable.size} bytes")

    CountedTable.pickles = CountedTable.size = 0
    with spawn.Pool(processes=2, initializer=load, initargs=(table,)) as pool:
        assert sum(pool.map(lookup, batches, chunksize=1)) == checksum
    say(f"once per worker: pickled {CountedTable.pickles} times, {CountedTable.size} bytes")
    say(f"answers: {len(queries)} lookups, checksum {checksum}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
