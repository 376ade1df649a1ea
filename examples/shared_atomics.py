# Python has no atomic integers for threads: a counter, a maximum, a flag that
# publishes data and two flags each take a lock (or an Event), and are correct
# with it.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    # ANCHOR: counter
    lock = threading.Lock()
    hits = 0

    def hit() -> None:
        nonlocal hits
        for _ in range(1000):
            with lock:
                hits += 1

    threads = [threading.Thread(target=hit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    say(f"hits: {hits}")
    # ANCHOR_END: counter

    # ANCHOR: max
    highest = 0

    def record(reading: int) -> None:
        nonlocal highest
        with lock:  # the compare and the store under one lock
            if reading > highest:
                highest = reading

    threads = [threading.Thread(target=record, args=(r,)) for r in (17, 42, 8, 23)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    say(f"highest: {highest}")
    # ANCHOR_END: max

    # ANCHOR: publish
    data = 0
    ready = threading.Event()

    def write() -> None:
        nonlocal data
        data = 1234
        ready.set()  # Event's lock orders the write before the flag

    def read() -> None:
        ready.wait()
        say(f"reader sees {data}")

    threads = [threading.Thread(target=write), threading.Thread(target=read)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # ANCHOR_END: publish

    # ANCHOR: seqcst
    flags = {"left": False, "right": False}
    saw: dict[str, bool] = {}

    def raise_flag(me: str, other: str) -> None:
        with lock:  # raising mine and reading theirs is one step under the lock
            flags[me] = True
            saw[me] = flags[other]

    threads = [
        threading.Thread(target=raise_flag, args=("left", "right")),
        threading.Thread(target=raise_flag, args=("right", "left")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    say(f"one saw the other's flag: {str(saw['left'] or saw['right']).lower()}")
    # ANCHOR_END: seqcst


if __name__ == "__main__":
    main()
