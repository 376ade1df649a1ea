# Python's nearest: slices of a list mapped over a process pool, and sorted(),
# which is stable and runs on one core.
import sys
from multiprocessing import Pool


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def main() -> None:
    readings = [(i * 2_654_435_761) % 2**32 % 100_000 for i in range(100_000)]

    # Slicing copies each chunk; the pool pickles it again to send it.
    chunks = [readings[i : i + 25_000] for i in range(0, len(readings), 25_000)]
    with Pool(processes=2) as pool:
        sums = pool.map(sum, chunks)
    say(f"chunk sums: {sums}")

    # Changing slices in place needs one list: here, one core does it.
    for start in range(0, len(readings), 1_000):
        readings[start : start + 1_000] = reversed(readings[start : start + 1_000])

    readings.sort()  # stable, on one core; no parallel sort in the standard library
    say(f"sorted: first {readings[:3]}, last {readings[-3:]}")

    pairs = [(2, "a"), (1, "b"), (2, "c"), (1, "d")]
    pairs.sort(key=lambda pair: pair[0])
    say(f"stable by key: {pairs}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
