# Divide and conquer in Python: the recursion itself runs in one process; only
# the top two halves go to a ProcessPoolExecutor, each pickled on the way.
import sys
from concurrent.futures import ProcessPoolExecutor


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
SEQUENTIAL_BELOW = 10_000


def total(numbers: list[int]) -> int:
    if len(numbers) < SEQUENTIAL_BELOW:
        return sum(numbers)
    middle = len(numbers) // 2
    # No cheap join inside a worker: a worker cannot hand half of its job to
    # an idle sibling, so the recursion below the top is sequential.
    return total(numbers[:middle]) + total(numbers[middle:])


def pieces(length: int) -> int:
    if length < SEQUENTIAL_BELOW:
        return 1
    return pieces(length // 2) + pieces(length - length // 2)


def count_sevens(numbers: list[int]) -> int:
    return sum(1 for n in numbers if n % 7 == 0)


def most_digits(numbers: list[int]) -> int:
    return max(len(str(n)) for n in numbers)


def main() -> None:
    numbers = list(range(1, 1_000_001))
    middle = len(numbers) // 2
    with ProcessPoolExecutor(max_workers=2) as pool:
        # Each half is a copy of 500 000 numbers, pickled to a worker.
        left = pool.submit(total, numbers[:middle])
        right = pool.submit(total, numbers[middle:])
        say(f"sum of 1..=1000000: {left.result() + right.result()}")
        say(f"cut into {pieces(len(numbers))} pieces of fewer than {SEQUENTIAL_BELOW}")

        count = pool.submit(count_sevens, numbers)
        longest = pool.submit(most_digits, numbers)
        say(f"multiples of 7: {count.result()}; most digits: Some({longest.result()})")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
