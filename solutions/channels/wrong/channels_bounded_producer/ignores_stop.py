# expect: failed
# message: the producer went on taking items
# Counts only the puts that went through, but does not stop at the first one
# that cannot: once the consumer has had enough, it takes every remaining item
# (forever, from an endless source) and throws each one away.

import queue
import threading


def spawn_producer(items, capacity, stop):
    q = queue.Queue(maxsize=max(capacity, 1))
    sent = [0]

    def put(item):
        while not stop.is_set():
            try:
                q.put(item, timeout=0.01)
            except queue.Full:
                continue
            if capacity == 0:
                q.join()
            return True
        return False

    def produce():
        for item in items:
            if put(item):
                sent[0] += 1
        put(None)

    thread = threading.Thread(target=produce, daemon=True)
    thread.start()
    return q, thread, sent


def take(q):
    item = q.get()
    q.task_done()
    return item
