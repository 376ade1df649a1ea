# expect: failed
# message: close() must join every worker
# Puts the sentinels but never joins: close() returns while jobs are still
# running and queued.

import queue
import threading


class ThreadPool:
    def __init__(self, size):
        self._jobs = queue.SimpleQueue()
        self._workers = [threading.Thread(target=self._work) for _ in range(size)]
        for worker in self._workers:
            worker.start()

    def _work(self):
        while (job := self._jobs.get()) is not None:
            job()

    def execute(self, job):
        self._jobs.put(job)

    def close(self):
        for _ in self._workers:
            self._jobs.put(None)
