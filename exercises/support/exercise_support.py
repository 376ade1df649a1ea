"""What the Python versions of the exercises' tests use to prove that work ran
at the same time, the twin of the Rust crate in src/lib.rs: a meeting point
that opens only once every thread the exercise asks for is inside it at once.
The waits time out only as a guard against hanging, then fail with a message
that says what went wrong."""

from __future__ import annotations

import threading

# How long a thread waits at a meeting point before the test gives up.
PATIENCE = 2.0


class Rendezvous:
    """A meeting point for exactly `size` threads: `meet()` returns only once
    all of them are inside it together. `Rendezvous(5, "slices", "being
    summed")` explains a failure as "only 1 of 5 slices were being summed at
    the same time"."""

    def __init__(self, size: int, noun: str, verb: str) -> None:
        assert size > 0, "a meeting needs at least one thread"
        self.size, self.noun, self.verb = size, noun, verb
        self.arrived = 0
        self._broken: str | None = None
        self._open = False
        self._changed = threading.Condition()

    def meet(self) -> None:
        with self._changed:
            if self._broken:
                raise AssertionError(self._broken)
            self.arrived += 1
            if self.arrived > self.size:
                raise AssertionError(
                    f"{self.arrived} {self.noun} were {self.verb}, "
                    f"but the exercise asks for exactly {self.size}"
                )
            if self.arrived == self.size:
                self._open = True
                self._changed.notify_all()
                return
            if not self._changed.wait_for(lambda: self._open or self._broken, PATIENCE):
                self._broken = (
                    f"only {self.arrived} of {self.size} {self.noun} were {self.verb} "
                    "at the same time — are the threads running one after another?"
                )
                self._changed.notify_all()
            if self._broken:
                raise AssertionError(self._broken)

    def check(self) -> None:
        """Raises the meeting's failure in the test's own thread: a Python
        thread's exception does not reach the thread that joins it."""
        if self._broken:
            raise AssertionError(self._broken)


class ReverseFinish:
    """Makes `count` jobs finish last to first: each job calls `finish(i)` as
    its last step, which returns only once every job after it has finished.
    Only jobs that all run at the same time can finish this way."""

    def __init__(self, count: int) -> None:
        self._next = count - 1
        self._broken: str | None = None
        self._changed = threading.Condition()

    def finish(self, index: int) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: self._broken or self._next <= index, PATIENCE):
                self._broken = (
                    f"job {index} can only finish after job {self._next}, but job "
                    f"{self._next} was not running at the same time — are the jobs "
                    "running one after another?"
                )
                self._changed.notify_all()
            if self._broken:
                raise AssertionError(self._broken)
            assert self._next == index, f"job {index} finished twice"
            self._next -= 1
            self._changed.notify_all()

    def check(self) -> None:
        """Raises the relay's failure in the test's own thread."""
        if self._broken:
            raise AssertionError(self._broken)
