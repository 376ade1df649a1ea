# Python's standard library has no reader-writer lock; the usual hand-written one lets new
# readers in while a writer waits, so readers can starve it. Preferring writers is the fix.
import sys
import threading
import time
from collections.abc import Callable


# ANCHOR: main
class RWLock:
    def __init__(self, prefer_writers: bool) -> None:
        self.prefer_writers = prefer_writers
        self.cond = threading.Condition()
        self.readers = 0
        self.writing = False
        self.writers_waiting = 0

    def try_read(self) -> bool:
        with self.cond:
            if self.writing or (self.prefer_writers and self.writers_waiting):
                return False
            self.readers += 1
            return True

    def release_read(self) -> None:
        with self.cond:
            self.readers -= 1
            self.cond.notify_all()

    def write(self, change: Callable[[], None]) -> None:
        with self.cond:
            self.writers_waiting += 1
            self.cond.wait_for(lambda: not self.writing and self.readers == 0)
            self.writers_waiting -= 1
            self.writing = True
        change()
        with self.cond:
            self.writing = False
            self.cond.notify_all()


# ANCHOR_END: main


def new_readers_get_in(lock: RWLock) -> bool:
    """Polls try_read for up to 200 ms: False as soon as a new reader is turned away."""
    start = time.monotonic()
    while time.monotonic() - start < 0.2:
        if not lock.try_read():
            return False
        lock.release_read()
        time.sleep(0.001)
    return True


def probe(label: str, prefer_writers: bool) -> None:
    lock = RWLock(prefer_writers)
    assert lock.try_read()  # a reader is in
    writer = threading.Thread(target=lock.write, args=(lambda: None,))
    writer.start()
    while True:  # wait until the writer is really waiting
        with lock.cond:
            if lock.writers_waiting:
                break
        time.sleep(0.001)
    got_in = str(new_readers_get_in(lock)).lower()
    sys.stdout.write(f"{label}: new readers get in while a writer waits: {got_in}\n")
    lock.release_read()
    writer.join()


if __name__ == "__main__":
    probe("hand-written, readers first", prefer_writers=False)
    probe("hand-written, writers first", prefer_writers=True)
