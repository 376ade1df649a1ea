# Sleeping as synchronisation: main sleeps "long enough" and reads the worker's result,
# but the worker is slower this time. A gate makes it slower on every run; join() fixes it.
import sys
import threading
import time


def main() -> None:
    # ANCHOR: broken
    result: list[int] = []
    gate = threading.Event()

    def slow_worker() -> None:
        gate.wait()  # a slow disk, a busy machine: today the work waits
        result.append(42)

    worker = threading.Thread(target=slow_worker)
    worker.start()
    time.sleep(0.02)  # "the worker is surely done by now"
    got = f"Some({result[0]})" if result else "None"
    sys.stdout.write(f"broken: after sleeping 20 ms the result is {got}\n")
    # ANCHOR_END: broken
    gate.set()
    worker.join()

    # ANCHOR: fixed
    result.clear()
    gate = threading.Event()
    worker = threading.Thread(target=slow_worker)
    worker.start()
    gate.set()  # (only so that this demonstration ends)
    worker.join()  # waits exactly as long as the work takes
    sys.stdout.write(f"fixed: join() returned {result[0]}\n")
    # ANCHOR_END: fixed


if __name__ == "__main__":
    main()
