# queue.Queue is multi-consumer already; maxsize bounds it, put_nowait raises
# queue.Full when it is full. Twin of channels_crossbeam_consumers.rs.
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
WORKERS = 3


def work(jobs: queue.Queue[int | None], first_jobs: threading.Barrier, done: list[int]) -> None:
    for n in iter(jobs.get, None):
        done.append(n * n)
        if len(done) == 1:
            first_jobs.wait()


def main() -> None:
    jobs: queue.Queue[int | None] = queue.Queue(maxsize=2)
    unbounded: queue.Queue[int] = queue.Queue()  # maxsize=0: no limit
    # Rust prints None for "no limit"; Python says 0.
    say(f"capacity: bounded Some({jobs.maxsize}), unbounded {unbounded.maxsize or None}")

    jobs.put_nowait(1)
    jobs.put_nowait(2)
    try:
        jobs.put_nowait(3)
    except queue.Full:
        say(f"try_send(3): Full, {jobs.qsize()} items waiting")

    first_jobs = threading.Barrier(WORKERS)
    results: list[list[int]] = [[] for _ in range(WORKERS)]
    workers = [
        threading.Thread(target=work, args=(jobs, first_jobs, results[i])) for i in range(WORKERS)
    ]
    for worker in workers:
        worker.start()

    for n in range(3, 10):
        jobs.put(n)  # blocks whenever 2 jobs are already waiting
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
