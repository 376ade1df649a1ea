# queue.Queue(maxsize=n) holds a producer at most n items ahead; maxsize=0 means
# unbounded, so put() + join() stands in for sync_channel(0). Twin of channels_backpressure.rs.
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
ITEMS = 5


def run(capacity: int) -> None:
    say(f"sync_channel({capacity}):")
    # maxsize=0 would mean "no limit", the opposite of sync_channel(0).
    q: queue.Queue[int | None] = queue.Queue(maxsize=max(capacity, 1))
    announcements: queue.SimpleQueue[int] = queue.SimpleQueue()
    sent = [0]  # written by the producer only; read by the consumer

    def produce() -> None:
        for item in range(1, ITEMS + 1):
            announcements.put(item)
            q.put(item)  # blocks while the queue is full
            if capacity == 0:
                q.join()  # a rendezvous: wait until the consumer has taken it
            sent[0] += 1
        q.put(None)

    def take() -> int | None:
        item = q.get()
        q.task_done()
        return item

    producer = threading.Thread(target=produce)
    producer.start()

    taken = 0
    while taken + capacity < ITEMS:
        waiting_for = taken + capacity + 1
        while announcements.get() != waiting_for:
            pass
        say(f"  producer has sent {sent[0]}, consumer has taken {taken}: send({waiting_for}) waits")
        item = take()
        taken += 1
        say(f"  consumer takes {item}")
    for item in iter(take, None):
        say(f"  consumer takes {item}")
    producer.join()


def main() -> None:
    run(2)
    run(0)


if __name__ == "__main__":
    main()
# ANCHOR_END: main
