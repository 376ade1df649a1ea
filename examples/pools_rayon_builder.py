# A pool of a chosen size with named threads: ThreadPoolExecutor(max_workers=2,
# thread_name_prefix=...). Python has no global pool that map() would use by itself.

# ANCHOR: main
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def squares(numbers: range) -> int:
    return sum(n * n for n in numbers)


def main() -> None:
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="crunch") as pool:
        # Two jobs that wait for each other run on two different threads, once each.
        barrier = threading.Barrier(2)

        def name() -> str:
            barrier.wait()
            # The executor names its threads crunch_0, crunch_1.
            return threading.current_thread().name.replace("_", "-")

        names = sorted(f.result() for f in [pool.submit(name), pool.submit(name)])
        say(f"the pool's threads: {', '.join(names)}")

        # The nearest thing to the size of rayon's global pool: the number of CPUs.
        say(f"global pool: {os.cpu_count()} threads")

        # No `install`: work goes to a pool by calling that pool's methods.
        halves = [range(1, 501), range(501, 1001)]
        total = sum(pool.map(squares, halves))
        say(f"in the pool: 2 threads, sum of squares {total}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
