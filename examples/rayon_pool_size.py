# The pool size decides how many processes share the work and how the range is split;
# a sum of integers comes out the same whatever the split: multiprocessing.Pool(1, 2, 4).
import sys
from multiprocessing import Pool


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def part(bounds: tuple[int, int]) -> int:
    start, stop = bounds
    return sum(n % 7 for n in range(start, stop))


def main() -> None:
    for processes in [1, 2, 4]:
        # One slice of the range per process: sending 1 000 000 numbers one by
        # one would cost more than adding them.
        step = 1_000_000 // processes
        bounds = [(1 + i * step, 1 + (i + 1) * step) for i in range(processes)]
        with Pool(processes=processes) as pool:
            total = sum(pool.map(part, bounds))
        say(f"pool of {processes}: sum {total}")
    # No join inside a pool: a job of a one-process pool that waited for
    # another job of the same pool would wait for ever.
    say("in a pool of one, a job must not wait for another job of the pool")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
