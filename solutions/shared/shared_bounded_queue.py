"""Exercise `shared_bounded_queue`, in Python: one lock, two Conditions on it.
(queue.Queue(maxsize) is the ready-made one; Python 3.13 added shutdown().)"""

from __future__ import annotations

import threading
from collections import deque
from typing import Generic, TypeVar

T = TypeVar("T")


class Closed(Exception):
    """Raised by push on a closed queue; `item` is the item it did not store."""

    def __init__(self, item: object) -> None:
        super().__init__(f"the queue is closed; {item!r} was not stored")
        self.item = item


class BoundedQueue(Generic[T]):
    def __init__(self, capacity: int) -> None:
        assert capacity > 0, "a queue of capacity 0 could never take an item"
        self._items: deque[T] = deque()
        self._capacity = capacity
        self._closed = False
        lock = threading.Lock()
        self._not_empty = threading.Condition(lock)
        self._not_full = threading.Condition(lock)

    def push(self, item: T) -> None:
        with self._not_full:
            # wait_for is the `while` loop: it checks again after every wake-up.
            self._not_full.wait_for(lambda: len(self._items) < self._capacity or self._closed)
            if self._closed:
                raise Closed(item)
            self._items.append(item)
            self._not_empty.notify()

    def pop(self) -> T | None:
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
