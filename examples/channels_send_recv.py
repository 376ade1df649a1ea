# queue.Queue: one thread puts, the main thread gets; a None sentinel says
# "no more", because a queue does not close by itself. Twin of channels_send_recv.rs.
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def produce(q: queue.Queue[str | None]) -> None:
    for word in ["apple", "banana", "cherry", "damson"]:
        # put hands over a reference: this thread could still touch the object.
        q.put(word.upper())
    # No sender to drop: the consumer must be told that nothing more is coming.
    q.put(None)


def main() -> None:
    q: queue.Queue[str | None] = queue.Queue()
    producer = threading.Thread(target=produce, args=(q,))
    producer.start()

    # get blocks until an item arrives, like recv.
    say(f"first: {q.get()}")

    # iter(q.get, None) calls get until it returns the sentinel.
    for word in iter(q.get, None):
        say(f"then: {word}")
    # Rust's receiver reports the closed channel itself; here only the sentinel says so.
    say("the channel is closed: recv now returns Err(RecvError)")
    producer.join()


if __name__ == "__main__":
    main()
# ANCHOR_END: main
