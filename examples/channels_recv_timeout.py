# get(timeout=) waits, but not forever: an item, or queue.Empty once the time is up.
# A sentinel stands in for Rust's Disconnected. Twin of channels_recv_timeout.rs.
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
CLOSED = None  # what a producer puts when it is done: Rust's dropped Sender


def describe(q: queue.Queue[int | None], timeout: float) -> str:
    try:
        value = q.get(timeout=timeout)
    except queue.Empty:
        return "Timeout: nothing came in time"
    if value is CLOSED:
        return "Disconnected: no sender is left"
    return f"got {value}"


def work(q: queue.Queue[int | None]) -> None:
    q.put(42)
    q.put(CLOSED)  # Python has no drop: the worker says it is done


def main() -> None:
    q: queue.Queue[int | None] = queue.Queue()

    say(f"empty channel: {describe(q, timeout=0.01)}")

    worker = threading.Thread(target=work, args=(q,))
    worker.start()
    say(f"worker sends:  {describe(q, timeout=5)}")
    worker.join()

    # Without the sentinel, this get would sit out the full 5 seconds and
    # raise queue.Empty: a queue cannot tell that its producer is gone.
    say(f"worker gone:   {describe(q, timeout=5)}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
