# Busy-waiting: a thread that polls a flag in a loop burns CPU while it waits; one that
# blocks on an Event uses almost none. Each waiter reads its own CPU time (time.thread_time).
import sys
import threading
import time
from collections.abc import Callable


def measure(work: Callable[[], None], wait: Callable[[], None]) -> tuple[float, float]:
    """Runs wait on a new thread and, once that thread has started waiting, work on
    another (so the wait lasts the whole work, however late a thread starts).
    Returns the waiter's (wall seconds waited, CPU seconds used)."""
    result: list[tuple[float, float]] = []
    waiting = threading.Event()

    def run_work() -> None:
        waiting.wait()
        work()

    def run_wait() -> None:
        cpu, wall = time.thread_time(), time.perf_counter()
        waiting.set()
        wait()
        result.append((time.perf_counter() - wall, time.thread_time() - cpu))

    threads = [threading.Thread(target=run_work), threading.Thread(target=run_wait)]
    for thread in threads:
        thread.start()
    for thread in threads:
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

    spinning = measure(work, spin)

    done = threading.Event()
    blocking = measure(
        lambda: (time.sleep(0.1), done.set()), done.wait
    )  # wait() sleeps until set()
    # ANCHOR_END: main

    for label, (wall, cpu) in [("spinning", spinning), ("blocking", blocking)]:
        sys.stdout.write(f"{label}: waited {wall * 1000:.0f} ms, used {cpu * 1000:.2f} ms of CPU\n")
    verdict = str(blocking[1] * 10 < spinning[1]).lower()
    sys.stdout.write(f"blocking used less than a tenth of the spinner's CPU: {verdict}\n")


if __name__ == "__main__":
    main()
