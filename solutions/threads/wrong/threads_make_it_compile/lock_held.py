# expect: failed
# message: only 1 of 6 threads were counting at the same time
# Holds the lock while the work runs: the threads take turns, and the work is
# done one thread at a time.

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
        with lock:
            total += work()

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return total
