# queue.Queue: several worker threads take jobs from ONE queue and a second
# queue gathers their results. Twin of intro_crossbeam_workers.rs.

# ANCHOR: main
import queue
import sys
import threading

WORKERS = 3


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def square_jobs(jobs: queue.Queue[int | None], results: queue.Queue[tuple[int, int]]) -> None:
    # None is the sentinel that says "no more jobs" (Queue.shutdown() only
    # arrived in Python 3.13). Each worker stops at one, so each needs its own.
    while (n := jobs.get()) is not None:
        results.put((n, n * n))


def main() -> None:
    jobs: queue.Queue[int | None] = queue.Queue()
    results: queue.Queue[tuple[int, int]] = queue.Queue()

    workers = [threading.Thread(target=square_jobs, args=(jobs, results)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()

    for n in range(1, 9):
        jobs.put(n)
    for _ in workers:
        jobs.put(None)

    for worker in workers:
        worker.join()
    # Every worker has finished, so the results queue holds everything.
    squares = sorted(results.get() for _ in range(results.qsize()))
    for n, square in squares:
        say(f"{n} squared is {square}")
    say(f"{len(squares)} jobs done by {WORKERS} workers")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
