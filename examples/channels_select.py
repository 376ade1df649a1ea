# No select in Python: one queue of tagged messages that every source writes into,
# get_nowait, get(timeout=) and threading.Timer stand in. Twin of channels_select.rs.
import queue
import sys
import threading
import time


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
Message = tuple[str, object]  # (which source, payload)


def main() -> None:
    inbox: queue.Queue[Message] = queue.Queue()

    # default: get_nowait
    try:
        inbox.get_nowait()
    except queue.Empty:
        say("nothing ready: default ran at once")

    inbox.put(("word", "hello"))
    source, payload = inbox.get()
    say(f'{source} Ok("{payload}")')

    # default(duration): get(timeout=)
    try:
        inbox.get(timeout=0.01)
    except queue.Empty:
        say("nothing within 10 ms")

    # after(d): a Timer that puts a deadline message; everything put before it
    # comes out first, because the queue is first in, first out.
    for n in range(1, 4):
        inbox.put(("number", n))
    threading.Timer(0.05, inbox.put, args=(("deadline", None),)).start()
    while True:
        source, payload = inbox.get()
        if source == "deadline":
            say("deadline: stop waiting for numbers")
            break
        say(f"number {payload}")

    # tick(d): a thread that puts a tick every d, until told to stop.
    ticks: queue.Queue[float] = queue.Queue()
    stop = threading.Event()

    def ticker() -> None:
        while not stop.wait(0.005):
            ticks.put(time.monotonic())

    threading.Thread(target=ticker).start()
    for beat in range(1, 4):
        ticks.get()
        say(f"tick {beat}")
    stop.set()

    # A closed queue does not exist in Python 3.11 (Queue.shutdown() came in
    # 3.13): the producer's sentinel is the only way to say "closed".
    inbox.put(("word", None))
    source, payload = inbox.get(timeout=5)
    if payload is None:
        say("words closed: Err(RecvError)")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
