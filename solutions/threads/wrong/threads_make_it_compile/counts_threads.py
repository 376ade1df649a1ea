# expect: failed
# message: returned 7
# Calls work() on every thread, but adds 1 per thread instead of what work()
# returned: right only while every piece of work is worth 1.

import threading


def measure_all(words, measure):
    measures = [0] * len(words)

    def run(i):
        measures[i] = measure(words[i])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(words))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return measures


def count_together(threads, work):
    total = 0
    lock = threading.Lock()

    def run():
        nonlocal total
        work()
        with lock:
            total += 1

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return total
