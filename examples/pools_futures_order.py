# concurrent.futures: submit/result, map (results in submission order) and
# as_completed (results in the order the jobs finish), with the same jobs as
# pools_futures_order.rs.

import sys
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor, as_completed
from typing import TypeVar

T = TypeVar("T")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: submit
def submit(pool: Executor, job: Callable[[], T]) -> Future[T]:
    # Built in: pool.submit(job) returns a Future, and future.result() waits
    # for the job's return value (or raises its exception).
    return pool.submit(job)


# ANCHOR_END: submit


# ANCHOR: main


def main() -> None:
    # Three threads: the jobs below wait for each other, so all three must run at once.
    with ThreadPoolExecutor(max_workers=3) as pool:
        # submit / result
        answer = submit(pool, lambda: 6 * 7)
        say(f"submit/result: {answer.result()}")

        # map: results in the order of submission. The jobs finish last to first:
        # each one, once done, lets the job before it finish.
        go = [threading.Event() for _ in range(3)]
        finished: list[int] = []

        def relay(i: int) -> int:
            go[i].wait()
            finished.append(i)
            if i > 0:
                go[i - 1].set()
            return i * i

        results = pool.map(relay, range(3))
        go[2].set()  # the last job finishes first
        squares = list(results)
        say(f"map: finished {finished}, results {squares}")

        # as_completed: futures in the order the jobs finish. Here main lets
        # job i - 1 finish only after it has received job i's result.
        go = [threading.Event() for _ in range(3)]

        def job(i: int) -> tuple[int, int]:
            go[i].wait()
            return i, i * i

        futures = [pool.submit(job, i) for i in range(3)]
        go[2].set()
        arrived = []
        for future in as_completed(futures):
            i, square = future.result()
            arrived.append(f"job {i} -> {square}")
            if i > 0:
                go[i - 1].set()
        say(f"as completed: {', '.join(arrived)}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
