# Busy-waiting: a thread that polls a flag in a loop burns CPU while it waits; one that
# blocks on an Event uses almost none. Each waiter reads its own CPU time (time.thread_time).
import sys
import threading
import time
from collections.abc import Callable


def measure(wait: Callable[[], None]) -> tuple[float, float]:
    """Runs wait on a new thread; returns (wall seconds waited, CPU seconds used)."""
    result: list[tuple[float, float]] = []

    def run() -> None:
        cpu, wall = time.thread_time(), time.perf_counter()
        wait()
        result.append((time.perf_counter() - wall, time.thread_time() - cpu))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result[0]


def main() -> None:
    # ANCHOR: main
    ready = False

    def work() -> None:
        nonlocal ready
        time.sleep(0.1)  # stands in for 100 ms of work
        ready = True

    def spin() -> None:
        while not ready:  # "are we there yet?", over and over
            pass

    worker = threading.Thread(target=work)
    worker.start()
    spinning = measure(spin)
    worker.join()

    done = threading.Event()
    worker = threading.Thread(target=lambda: (time.sleep(0.1), done.set()))
    worker.start()
    blocking = measure(done.wait)  # sleeps until set() is called
    worker.join()
    # ANCHOR_END: main

    for label, (wall, cpu) in [("spinning", spinning), ("blocking", blocking)]:
        sys.stdout.write(f"{label}: waited {wall * 1000:.0f} ms, used {cpu * 1000:.2f} ms of CPU\n")
    verdict = str(blocking[1] * 10 < spinning[1]).lower()
    sys.stdout.write(f"blocking used less than a tenth of the spinner's CPU: {verdict}\n")


if __name__ == "__main__":
    main()
