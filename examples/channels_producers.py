# Several producer threads share one queue.SimpleQueue; with no senders to drop,
# each producer puts a sentinel and the consumer counts them. Twin of channels_producers.rs.
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
PRODUCERS = 3
DONE = None  # the sentinel each producer puts when it has finished


def produce(q: queue.SimpleQueue[tuple[int, int] | None], producer_id: int) -> None:
    for n in range(1, 4):
        q.put((producer_id, n * 10))
    q.put(DONE)


def main() -> None:
    # SimpleQueue: unbounded, no task_done/join, and a little faster than Queue.
    q: queue.SimpleQueue[tuple[int, int] | None] = queue.SimpleQueue()
    producers = [threading.Thread(target=produce, args=(q, i)) for i in range(PRODUCERS)]
    for producer in producers:
        producer.start()

    received: list[list[int]] = [[] for _ in range(PRODUCERS)]
    finished = 0
    # A Rust channel knows how many senders are alive; here we count sentinels.
    while finished < PRODUCERS:
        item = q.get()
        if item is DONE:
            finished += 1
            continue
        producer_id, value = item
        received[producer_id].append(value)
    for producer in producers:
        producer.join()
    for producer_id, values in enumerate(received):
        say(f"from producer {producer_id}, in the order sent: {values}")
    count = sum(len(values) for values in received)
    say(f"{count} messages: every sender is gone, so the loop ended")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
