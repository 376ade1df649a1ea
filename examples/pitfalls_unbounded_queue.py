# A producer four times faster than its consumer: an unbounded queue.Queue grows by 75 items
# a round, without limit. Queue(maxsize=100) makes the producer wait.
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    # ANCHOR: broken
    q: queue.Queue[int] = queue.Queue()  # no maxsize: unbounded
    # Lockstep: each round the producer puts 100 items and the consumer manages 25.
    round_done = threading.Barrier(2)

    def consume() -> None:
        for _ in range(100):
            for _ in range(25):
                q.get()
            round_done.wait()  # round over...
            round_done.wait()  # ...and counted: on to the next one

    consumer = threading.Thread(target=consume)
    consumer.start()
    for round_ in range(1, 101):
        for item in range(100):
            q.put(item)
        round_done.wait()
        if round_ in (1, 10, 100):
            say(f"unbounded: after round {round_:>3} the queue holds {q.qsize()}")
        round_done.wait()
    consumer.join()
    say(f"unbounded: {q.qsize()} items were never consumed")
    # ANCHOR_END: broken

    # ANCHOR: fixed
    bounded: queue.Queue[int | None] = queue.Queue(maxsize=100)  # put() waits at 100
    consumer = threading.Thread(target=lambda: [None for _ in iter(bounded.get, None)])
    consumer.start()
    longest = 0
    for item in range(10_000):
        bounded.put(item)
        longest = max(longest, bounded.qsize())
    bounded.put(None)
    consumer.join()
    within = str(longest <= 100).lower()
    say(f"bounded: 10000 items sent, the queue never held more than 100: {within}")
    # ANCHOR_END: fixed


if __name__ == "__main__":
    main()
