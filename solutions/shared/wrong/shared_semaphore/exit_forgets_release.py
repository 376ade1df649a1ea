# expect: failed
# message: the permit of a block that raised must come back
# Gives the permit back only when the block ends normally: a block that
# raises keeps its permit forever.
"""Exercise `shared_semaphore`, in Python: a counting semaphore from a
Condition, whose permit is a context manager: `with semaphore.acquire():`
gives it back when the block ends, also when it raises. (threading.Semaphore
is the ready-made one.)"""

from __future__ import annotations

import threading
from types import TracebackType


class Permit:
    def __init__(self, semaphore: Semaphore) -> None:
        self._semaphore = semaphore
        self._held = True

    def release(self) -> None:
        if self._held:
            self._held = False
            self._semaphore._give_back()

    def __enter__(self) -> Permit:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if error is None:
            self.release()


class Semaphore:
    def __init__(self, permits: int) -> None:
        self._free = permits
        self._returned = threading.Condition()

    def available(self) -> int:
        with self._returned:
            return self._free

    def acquire(self) -> Permit:
        with self._returned:
            self._returned.wait_for(lambda: self._free > 0)
            self._free -= 1
            return Permit(self)

    def _give_back(self) -> None:
        with self._returned:
            self._free += 1
            self._returned.notify()
