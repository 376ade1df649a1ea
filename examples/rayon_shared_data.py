# What crosses a process boundary is pickled: a table sent with every task is
# serialised every time; sent once per worker with an initializer, once per worker.
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
TABLE: list[int] = []


def load(table: list[int]) -> None:
    TABLE[:] = table  # runs once in each worker, with the worker's own copy


def lookup(queries: list[int]) -> int:
    return sum(TABLE[q] for q in queries)


def main() -> None:
    table = [n * n % 1_000_003 for n in range(1_000_000)]
    size = len(pickle.dumps(table))
    say(f"table: {len(table)} numbers, {size} bytes pickled")

    queries = [i * 199 % len(table) for i in range(5_000)]
    batches = [queries[i::4] for i in range(4)]
    # Passing the table with each task would pickle it 4 times (once per batch);
    # the initializer sends it once to each of the 2 workers instead.
    say(f"with each task: {4 * size} bytes; once per worker: {2 * size} bytes")
    with ProcessPoolExecutor(max_workers=2, initializer=load, initargs=(table,)) as pool:
        checksum = sum(pool.map(lookup, batches))
    say(f"answers: {len(queries)} lookups, checksum {checksum}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
