# The same bounded buffer built from threading.Condition: put blocks while it is
# full, get blocks while it is empty, close wakes everyone. (queue.Queue(maxsize)
# is Python's ready-made one; Python 3.13 added Queue.shutdown() to close it.)
import sys
import threading
from collections import deque


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: buffer
class BoundedBuffer:
    def __init__(self, capacity: int) -> None:
        self._items: deque[int] = deque()
        self._capacity = capacity
        self._closed = False
        lock = threading.Lock()
        self._not_empty = threading.Condition(lock)  # two conditions, one lock
        self._not_full = threading.Condition(lock)

    def push(self, item: int) -> bool:
        with self._not_full:
            self._not_full.wait_for(lambda: len(self._items) < self._capacity or self._closed)
            if self._closed:
                return False
            self._items.append(item)
            self._not_empty.notify()
            return True

    def pop(self) -> int | None:
        with self._not_empty:
            self._not_empty.wait_for(lambda: self._items or self._closed)
            if not self._items:
                return None
            self._not_full.notify()
            return self._items.popleft()

    def close(self) -> None:
        with self._not_empty:
            self._closed = True
            self._not_empty.notify_all()
            self._not_full.notify_all()


# ANCHOR_END: buffer


# ANCHOR: main
def main() -> None:
    buffer = BoundedBuffer(2)
    totals: list[tuple[int, int]] = []
    totals_lock = threading.Lock()

    def consume() -> None:
        count = total = 0
        while (item := buffer.pop()) is not None:
            count += 1
            total += item
        with totals_lock:
            totals.append((count, total))

    def produce(p: int) -> None:
        for i in range(1, 6):
            assert buffer.push(p * 100 + i)

    consumers = [threading.Thread(target=consume) for _ in range(2)]
    producers = [threading.Thread(target=produce, args=(p,)) for p in range(2)]
    for thread in consumers + producers:
        thread.start()
    for thread in producers:
        thread.join()
    buffer.close()
    for thread in consumers:
        thread.join()
    say(f"consumed {sum(t[0] for t in totals)} items, sum {sum(t[1] for t in totals)}")
    say(f"closed buffer refuses a push: {str(not buffer.push(999)).lower()}")


# ANCHOR_END: main


if __name__ == "__main__":
    main()
