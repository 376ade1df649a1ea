# Python's version: a queue.Queue has no senders to count, so a consumer loop ends only
# when it gets an agreed "no more" item. Forget to send it and get() waits forever.
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def produce(q: queue.Queue[int | None], ident: int) -> None:
    for n in range(2):
        q.put(ident * 10 + n)


def main() -> None:
    # ANCHOR: broken
    q: queue.Queue[int | None] = queue.Queue()
    producers = [threading.Thread(target=produce, args=(q, i)) for i in range(3)]
    for producer in producers:
        producer.start()
    for producer in producers:
        producer.join()
    # `while (item := q.get()) is not None` would never end. A timeout shows why.
    received = 0
    while True:
        try:
            q.get(timeout=0.5)
            received += 1
        except queue.Empty:
            say(f"broken: received {received} messages, then nothing for 500 ms")
            say("broken: nobody put the None that ends the loop")
            break
    # ANCHOR_END: broken

    # ANCHOR: fixed
    q = queue.Queue()
    producers = [threading.Thread(target=produce, args=(q, i)) for i in range(3)]
    for producer in producers:
        producer.start()
    for producer in producers:
        producer.join()
    q.put(None)  # every producer is done: tell the consumer
    received = 0
    while q.get() is not None:
        received += 1
    say(f"fixed: received {received} messages, then the loop ended")
    # ANCHOR_END: fixed


if __name__ == "__main__":
    main()
