# Worker threads fed from one queue.Queue, and two shutdowns: a sentinel per worker,
# or a threading.Event checked between short waits. Twin of channels_worker_pool.rs.
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
WORKERS = 3


def square_jobs(jobs: queue.Queue[int | None], results: queue.Queue[int]) -> None:
    for n in iter(jobs.get, None):
        results.put(n * n)


def watch(
    worker_id: int, jobs: queue.Queue[int], stop: threading.Event, stopped: queue.Queue[int]
) -> None:
    # A blocked get() cannot be woken by anything but an item, so the worker
    # waits in short slices and checks the event in between: polling, with a
    # 10 ms delay before it notices. crossbeam's select! wakes it at once.
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.01)
        except queue.Empty:
            continue
        say(f"worker {worker_id} got job Ok({job})")
    stopped.put(worker_id)


def main() -> None:
    jobs: queue.Queue[int | None] = queue.Queue()
    results: queue.Queue[int] = queue.Queue()
    workers = [threading.Thread(target=square_jobs, args=(jobs, results)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    for n in range(1, 9):
        jobs.put(n)
    for _ in workers:
        jobs.put(None)  # one sentinel per worker, after the real jobs
    for worker in workers:
        worker.join()
    squares = sorted(results.get() for _ in range(results.qsize()))
    say(f"drained: {squares}")

    idle_jobs: queue.Queue[int] = queue.Queue()
    stop = threading.Event()
    stopped: queue.Queue[int] = queue.Queue()
    workers = [
        threading.Thread(target=watch, args=(i, idle_jobs, stop, stopped)) for i in range(WORKERS)
    ]
    for worker in workers:
        worker.start()
    stop.set()
    for worker in workers:
        worker.join()
    ids = sorted(stopped.get() for _ in range(WORKERS))
    say(f"stopped: workers {ids}, while the job channel is still open")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
