# Four threads add to one counter under a threading.Lock. Python shares the
# objects without a wrapper: every thread's reference keeps them alive.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
class Counter:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.value = 0


def add(counter: Counter) -> None:
    for _ in range(1000):
        # `value += 1` is a read, an add and a write: another thread can run
        # in between, so it needs the lock even under the GIL.
        with counter.lock:
            counter.value += 1


def main() -> None:
    counter = Counter()
    threads = [threading.Thread(target=add, args=(counter,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with counter.lock:
        say(f"total: {counter.value}")


# ANCHOR_END: main


if __name__ == "__main__":
    main()
