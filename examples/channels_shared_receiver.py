# Several consumers on one queue.Queue: Python's queue was always shared by any
# number of threads, no extra lock needed. Twin of channels_shared_receiver.rs.
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
WORKERS = 3


def work(jobs: queue.Queue[int | None], first_jobs: threading.Barrier, done: list[int]) -> None:
    # One sentinel per worker: each stops at the first one it takes.
    for n in iter(jobs.get, None):
        done.append(n * n)
        if len(done) == 1:
            first_jobs.wait()


def main() -> None:
    jobs: queue.Queue[int | None] = queue.Queue()
    first_jobs = threading.Barrier(WORKERS)
    results: list[list[int]] = [[] for _ in range(WORKERS)]
    workers = [
        threading.Thread(target=work, args=(jobs, first_jobs, results[i])) for i in range(WORKERS)
    ]
    for worker in workers:
        worker.start()

    for n in range(1, 10):
        jobs.put(n)
    for _ in workers:
        jobs.put(None)

    for worker in workers:
        worker.join()
    assert all(results)
    squares = sorted(square for done in results for square in done)
    say(f"squares: {squares}")
    say(f"each of the {WORKERS} workers took at least one job")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
