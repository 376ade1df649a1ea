# The copied pool's second defect, in Python's form: SimpleQueue.get() never
# reports that no more jobs can come, so a worker that loops on it never stops.

import queue
import sys
import threading
from collections.abc import Callable


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def main() -> None:
    jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()

    def work() -> None:
        while True:
            # The copied worker loop: get() waits for ever on an empty queue.
            job = jobs.get()
            job()

    # Daemon threads, or the interpreter would wait for them at exit, for ever.
    workers = [threading.Thread(target=work, name=f"worker-{i}", daemon=True) for i in range(2)]
    for worker in workers:
        worker.start()

    ran = threading.Semaphore(0)

    def job(n: int) -> None:
        say(f"job {n} ran")
        ran.release()

    for n in range(1, 4):
        jobs.put(lambda n=n: job(n))
    for _ in range(3):
        ran.acquire()

    # A careful shutdown: there is no channel to close. join() would wait for
    # ever, so give each worker 50 ms; it is still blocked in get() afterwards.
    for i, worker in enumerate(workers):
        worker.join(timeout=0.05)
        state = "still waiting in get()" if worker.is_alive() else "stopped"
        say(f"worker {i} {state}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
