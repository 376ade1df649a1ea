# ProcessPoolExecutor: a sum of squares split over two worker processes, because
# threads would not run this CPU-bound loop in parallel. Twin of intro_rayon_sum.rs.

# ANCHOR: main
import sys
from concurrent.futures import ProcessPoolExecutor

N = 1_000_000
WORKERS = 2


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def sum_of_squares(bounds: tuple[int, int]) -> int:
    """Runs in a worker process; it must be a top-level function so that
    the pool can pickle it and send it there."""
    start, stop = bounds
    return sum(n * n for n in range(start, stop))


def main() -> None:
    sequential = sum_of_squares((1, N + 1))

    # rayon splits the work by itself; here we cut the range into one chunk
    # per process, and only the bounds travel to the workers.
    step = N // WORKERS
    chunks = [(start, min(start + step, N + 1)) for start in range(1, N + 1, step)]
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        parallel = sum(pool.map(sum_of_squares, chunks))

    assert parallel == sequential, "splitting must not change the sum"
    say(f"sum of the squares of 1..=1000000: {parallel}")
    say("the parallel and the sequential sum agree")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
