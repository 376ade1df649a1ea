# expect: failed
# message: however long the queue stays empty
# Waits for a job with get(timeout=0.05) and stops when the queue stays empty
# that long: jobs queued at once run, but an idle pool loses its workers.

import queue
import threading


class ThreadPool:
    def __init__(self, size):
        self._jobs = queue.SimpleQueue()
        self._workers = [threading.Thread(target=self._work) for _ in range(size)]
        for worker in self._workers:
            worker.start()

    def _work(self):
        while True:
            try:
                job = self._jobs.get(timeout=0.05)
            except queue.Empty:
                return
            if job is None:
                return
            job()

    def execute(self, job):
        self._jobs.put(job)

    def close(self):
        for _ in self._workers:
            self._jobs.put(None)
        for worker in self._workers:
            worker.join()
