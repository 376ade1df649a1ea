# Asking whether a thread is still running (is_alive), and join(timeout=),
# which returns after the time limit whether or not the thread has finished.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    # ANCHOR: main
    release = threading.Event()
    result: list[int] = []

    def work() -> None:
        # Blocks until main lets it go, so main knows the worker is still running.
        release.wait()
        result.append(6 * 7)

    worker = threading.Thread(target=work)
    worker.start()
    say(f"before release: finished = {str(not worker.is_alive()).lower()}")

    # join(timeout=) returns None either way: is_alive() says which happened.
    worker.join(timeout=0.1)
    if worker.is_alive():
        say("no result within 100 ms: still running")
    else:
        say(f"got {result[0]} early")

    release.set()
    worker.join()
    say(f"after release: result = {result[0]}")
    say(f"after it returned: finished = {str(not worker.is_alive()).lower()}")
    # ANCHOR_END: main


if __name__ == "__main__":
    main()
