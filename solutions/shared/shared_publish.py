"""Exercise `shared_publish`, in Python: publish a value to another thread
behind a flag. A `threading.Event`, set after the value is stored, is the
flag; there are no orderings to choose."""

from __future__ import annotations

import threading


class Mailbox:
    def __init__(self) -> None:
        self._value = 0
        self._ready = threading.Event()

    def publish(self, value: int) -> None:
        self._value = value
        self._ready.set()  # after the value; Python has no orderings to choose

    def read(self) -> int | None:
        if self._ready.is_set():
            return self._value
        return None
