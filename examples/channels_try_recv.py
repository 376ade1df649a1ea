# get_nowait() never waits: an item, or queue.Empty. A queue has no
# "disconnected"; a sentinel stands in for it. Twin of channels_try_recv.rs.
import queue
import sys


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
CLOSED = None  # the sentinel a producer puts when it is done


def describe(q: queue.Queue[int | None]) -> str:
    try:
        value = q.get_nowait()
    except queue.Empty:
        # The same exception whether or not a producer is still alive:
        # only the sentinel can tell the two cases apart.
        return "Empty: nothing yet, but a sender is still alive"
    if value is CLOSED:
        q.put(CLOSED)  # leave it there for the next look
        return "Disconnected: nothing left, and no sender"
    return f"got {value}"


def main() -> None:
    q: queue.Queue[int | None] = queue.Queue()
    say(f"before any send: {describe(q)}")

    q.put(1)
    q.put(2)
    say(f"after two sends: {describe(q)}")

    q.put(CLOSED)
    say(f"after the drop:  {describe(q)}")
    say(f"after the drop:  {describe(q)}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
