# ThreadPoolExecutor: two named threads run six jobs from one queue; each job's
# Future holds its result, and wait() blocks until every job has finished.

# ANCHOR: main
import sys
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed, wait


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def square(n: int) -> tuple[int, int, str]:
    # The executor names its threads pool_0, pool_1: keep the prefix, as Rust's names are "pool".
    thread = threading.current_thread().name.rsplit("_", 1)[0]
    return n, n * n, thread


THREADS = 2


def main() -> None:
    with ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="pool") as pool:
        # submit returns a Future at once: no channel is needed to get the result back.
        futures = [pool.submit(square, n) for n in range(1, 7)]
        say(f"main: 6 jobs queued for {THREADS} threads")

        wait(futures)
        say("main: every job has finished")

        total = 0
        # as_completed after wait(): every future is done already, so they come in no
        # particular order (a channel would keep the order of the sends).
        for future in as_completed(futures):
            n, result, thread = future.result()
            say(f"{n} squared is {result} (thread '{thread}')")
            total += result
    say(f"main: sum of the squares {total}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
