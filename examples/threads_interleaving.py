# Lines printed by two threads interleave in an order that changes from run to run.
# To get a fixed order, let the threads return their lines and print them from one thread.
import sys
import threading

STEPS = 4


def say(line: str) -> None:
    # print() writes the text and the newline as two calls, so under load another
    # thread's line can land between them; one write() keeps each line whole.
    sys.stdout.write(line + "\n")


def print_as_you_go() -> None:
    """Part 1: each thread prints as it goes, so the scheduler picks the order."""
    # Both threads wait at the barrier, then start printing at the same moment.
    start_line = threading.Barrier(2)

    def run(name: str) -> None:
        start_line.wait()
        for step in range(1, STEPS + 1):
            say(f"{name}: step {step}")

    threads = [threading.Thread(target=run, args=(name,)) for name in ("left", "right")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def collect_then_print() -> None:
    """Part 2: each thread builds its lines; main prints them in start order."""
    lines: dict[str, list[str]] = {}

    def build(name: str) -> None:
        lines[name] = [f"{name}: step {step}" for step in range(1, STEPS + 1)]

    threads = [threading.Thread(target=build, args=(name,)) for name in ("left", "right")]
    for thread in threads:
        thread.start()
    for name, thread in zip(("left", "right"), threads, strict=True):
        thread.join()
        for line in lines[name]:
            say(line)


def main() -> None:
    say("printed by the threads:")
    print_as_you_go()
    say("printed by main, in spawn order:")
    collect_then_print()


if __name__ == "__main__":
    main()
