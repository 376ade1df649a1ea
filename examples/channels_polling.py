# Why a consumer must block: polling a fixed number of times misses whatever
# arrives late; blocking on get() gets everything. Twin of channels_polling.rs.
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def poll(q: queue.Queue[int | None], attempts: int) -> list[int]:
    """The polling habit: look `attempts` times, take whatever happens to be there."""
    got = []
    for _ in range(attempts):
        try:
            item = q.get_nowait()
        except queue.Empty:
            continue
        if item is not None:
            got.append(item)
    return got


def slow_producer() -> tuple[queue.Queue[int | None], threading.Event, threading.Thread]:
    """A producer of 1..5 that waits for `go` first, like any slow producer."""
    q: queue.Queue[int | None] = queue.Queue()
    go = threading.Event()

    def produce() -> None:
        go.wait()
        for item in range(1, 6):
            q.put(item)
        q.put(None)  # the sentinel: Rust's dropped Sender

    thread = threading.Thread(target=produce)
    thread.start()
    return q, go, thread


def main() -> None:
    q, go, producer = slow_producer()
    got = poll(q, 5)
    say(f"polling consumer: looked 5 times, got {got}")
    go.set()
    producer.join()
    missed = [item for item in iter(q.get_nowait, None)]
    say(f"polling consumer: missed {missed}")

    q, go, producer = slow_producer()
    results: list[int] = []
    # The blocking consumer: get() waits for each item, until the sentinel.
    consumer = threading.Thread(target=lambda: results.extend(iter(q.get, None)))
    consumer.start()
    go.set()
    producer.join()
    consumer.join()
    say(f"blocking consumer: got {results}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
