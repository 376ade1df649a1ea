# expect: failed
# message: closing the pool must still run every job that was queued before it
# Stops at a flag: close() raises it, and each worker checks it before taking
# the next job, so jobs still in the queue when the pool closes never run.

import queue
import threading


class ThreadPool:
    def __init__(self, size):
        self._jobs = queue.SimpleQueue()
        self._stop = threading.Event()
        self._workers = [threading.Thread(target=self._work) for _ in range(size)]
        for worker in self._workers:
            worker.start()

    def _work(self):
        while not self._stop.is_set():
            job = self._jobs.get()
            if job is None:
                return
            job()

    def execute(self, job):
        self._jobs.put(job)

    def close(self):
        self._stop.set()
        for _ in self._workers:
            self._jobs.put(None)
        for worker in self._workers:
            worker.join()
