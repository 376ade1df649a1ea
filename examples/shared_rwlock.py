# Python's standard library has no reader-writer lock (RLock is something else:
# a re-entrant mutex), so this twin builds a small one from a Condition.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
class ReadWriteLock:
    """Many readers or one writer. Readers first: writers can starve."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    def acquire_read(self) -> None:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._readers += 1

    def release_read(self) -> None:
        with self._cond:
            self._readers -= 1
            if self._readers == 0:
                self._cond.notify_all()

    def acquire_write(self) -> None:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            self._writing = True

    def release_write(self) -> None:
        with self._cond:
            self._writing = False
            self._cond.notify_all()


def main() -> None:
    lock = ReadWriteLock()
    prices = [10, 20, 30]
    all_reading = threading.Barrier(3)

    def read(reader: int) -> None:
        lock.acquire_read()
        try:
            all_reading.wait()  # all three hold a read lock here
            say(f"reader {reader}: sum {sum(prices)}")
        finally:
            lock.release_read()

    threads = [threading.Thread(target=read, args=(r,)) for r in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    lock.acquire_write()
    try:
        prices.append(40)
    finally:
        lock.release_write()
    say(f"after the write: {prices}")


# ANCHOR_END: main


if __name__ == "__main__":
    main()
