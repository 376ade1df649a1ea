# multiprocessing.Queue: put/get between processes; each item is pickled, written to
# a pipe by a feeder thread, and arrives as a copy. Twin of channels_processes.rs.
import multiprocessing
import os
import sys
from multiprocessing.queues import Queue


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def child(inbox: "Queue[list[int] | None]", outbox: "Queue[tuple[list[int], int]]") -> None:
    # A function at module level: with the "spawn" start method the child
    # imports this file to find it, so a lambda would not do.
    for numbers in iter(inbox.get, None):
        numbers.append(len(numbers) + 1)  # changes the child's copy only
        outbox.put((numbers, os.getpid()))


def main() -> None:
    inbox: Queue[list[int] | None] = multiprocessing.Queue()
    outbox: Queue[tuple[list[int], int]] = multiprocessing.Queue()
    worker = multiprocessing.Process(target=child, args=(inbox, outbox))
    worker.start()
    numbers = [1, 2, 3]

    inbox.put(numbers)  # pickled by the feeder thread: the child gets a copy, never this list
    inbox.put(None)  # a sentinel marks the end: this queue has no shutdown() to do it

    answer, pid = outbox.get()
    say(f"child answered {answer}; our list is still {numbers}")
    say(f"the child ran in another process: {'yes' if pid != os.getpid() else 'no'}")
    worker.join()
    say(f"child exited with code {worker.exitcode}")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
