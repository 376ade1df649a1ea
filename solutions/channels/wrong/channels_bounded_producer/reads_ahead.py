# expect: failed
# message: it must take each item only when it is about to send it
# The queue is bounded, but the producer first reads every item into a list:
# it runs ahead of the consumer all the same.

import queue
import threading


def spawn_producer(items, capacity, stop):
    q = queue.Queue(maxsize=max(capacity, 1))
    sent = [0]
    everything = list(items)

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
        for item in everything:
            if not put(item):
                return
            sent[0] += 1
        put(None)

    thread = threading.Thread(target=produce, daemon=True)
    thread.start()
    return q, thread, sent


def take(q):
    item = q.get()
    q.task_done()
    return item
