# Two threads take the same two locks in opposite orders, so each holds one and waits for
# the other forever. A watchdog sees that neither finished, says who waits for whom, and exits.
import os
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def main() -> None:
    a, b = threading.Lock(), threading.Lock()
    # Both threads hold their first lock before either asks for its second;
    # main waits at the barrier too, so the watchdog's clock starts only then.
    both_hold_one = threading.Barrier(3)
    done: queue.Queue[str] = queue.Queue()

    def transfer(name: str, first: threading.Lock, second: threading.Lock, names: str) -> None:
        with first:
            both_hold_one.wait()
            say(f"{name}: holds {names[0]}, waits for {names[1]}")
            with second:  # never acquired
                done.put(name)

    for args in [("left", a, b, "ab"), ("right", b, a, "ba")]:
        # daemon=True: the interpreter must not wait for these threads at exit.
        threading.Thread(target=transfer, args=args, daemon=True).start()

    both_hold_one.wait()
    for _ in range(2):
        try:
            done.get(timeout=1)
        except queue.Empty:
            say("watchdog: no thread finished within 1 s: deadlock")
            say("watchdog: left holds a and waits for b, right holds b and waits for a")
            sys.stdout.flush()
            os._exit(1)
    say("both threads finished")


# ANCHOR_END: main


if __name__ == "__main__":
    main()
