# multiprocessing.Pool.map: the same squares, primes and sums in worker
# processes; map keeps the order of the input, like rayon's collect.
import sys
from multiprocessing import Pool


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
# Functions at module level: pickle sends a function as its module and qualified
# name, and a worker looks it up in its own __main__ (inherited under fork; this
# file imported again under spawn and forkserver).
def square(n: int) -> int:
    return n * n


def is_prime(n: int) -> bool:
    return n >= 2 and all(n % d for d in range(2, int(n**0.5) + 1))


def main() -> None:
    numbers = list(range(1, 21))
    with Pool(processes=2) as pool:
        # Each number is pickled to a worker and each result pickled back.
        squares = pool.map(square, numbers)
        say(f"squares: {squares}")

        # No parallel filter: map a test, then keep the numbers that passed.
        flags = pool.map(is_prime, numbers)
        primes = [n for n, prime in zip(numbers, flags, strict=True) if prime]
        say(f"primes: {primes}")

        say(f"sum of {len(numbers)} numbers: {sum(numbers)}")
        say(f"multiples of 5: {' '.join(f'<{n}>' for n in numbers if n % 5 == 0)}")

        # chunksize sends the range in slices of 5000, not one number at a time.
        count = sum(pool.map(is_prime, range(1, 100_000), chunksize=5000))
        say(f"primes below 100000: {count}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
