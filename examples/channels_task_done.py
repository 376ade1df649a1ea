# Queue.task_done() and Queue.join(): wait until every job put so far is done,
# while the workers stay alive for the next batch. Twin of channels_task_done.rs.
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
WORKERS = 3


def work(jobs: queue.Queue[int | None], results: queue.SimpleQueue[int]) -> None:
    while True:
        n = jobs.get()
        if n is None:
            jobs.task_done()
            return
        results.put(n * n)
        jobs.task_done()  # one call per get(), or join() waits forever


def main() -> None:
    jobs: queue.Queue[int | None] = queue.Queue()
    results: queue.SimpleQueue[int] = queue.SimpleQueue()
    workers = [threading.Thread(target=work, args=(jobs, results)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()

    for first, last in [(1, 4), (5, 8)]:
        for n in range(first, last + 1):
            jobs.put(n)
        jobs.join()  # every job put so far has had its task_done()
        squares = sorted(results.get() for _ in range(results.qsize()))
        say(f"batch {first}..={last} done: {squares}")

    for _ in workers:
        jobs.put(None)
    for worker in workers:
        worker.join()
    say("workers stopped")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
