# `x += 1` is a read, an add and a write: a thread switch between the read and the write
# loses an update, GIL or not. A barrier forces it once; then unforced rounds; a Lock fixes it.
import sys
import threading
from collections.abc import Callable

ROUNDS = 100_000


class Counter:
    def __init__(self) -> None:
        self.value = 0


def on_two_threads(body: Callable[[Counter, threading.Barrier], None]) -> int:
    counter, barrier = Counter(), threading.Barrier(2)
    threads = [threading.Thread(target=body, args=(counter, barrier)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counter.value


# ANCHOR: forced
def forced(counter: Counter, both_have_read: threading.Barrier) -> None:
    value = counter.value  # what `counter.value += 1` does first: read
    both_have_read.wait()  # the other thread reads the same value meanwhile
    counter.value = value + 1  # write: one of the two +1s is lost


# ANCHOR_END: forced


# ANCHOR: unforced
def unforced(counter: Counter, start_together: threading.Barrier) -> None:
    start_together.wait()
    for _ in range(ROUNDS):
        counter.value += 1


# ANCHOR_END: unforced


# ANCHOR: fixed
lock = threading.Lock()


def fixed(counter: Counter, start_together: threading.Barrier) -> None:
    start_together.wait()
    for _ in range(ROUNDS):
        with lock:
            counter.value += 1


# ANCHOR_END: fixed


if __name__ == "__main__":
    sys.stdout.write(f"forced: two increments give {on_two_threads(forced)}\n")
    lost = 2 * ROUNDS - on_two_threads(unforced)
    sys.stdout.write(f"unforced: 2 x {ROUNDS} `+= 1` increments lost {lost} updates\n")
    sys.stdout.write(f"fixed: 2 x {ROUNDS} locked increments give {on_two_threads(fixed)}\n")
