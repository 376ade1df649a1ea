# A thread raises while it holds a lock: `with` releases the lock, and Python has
# no poisoning, so the next thread sees the half-done change without a warning.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def main() -> None:
    lock = threading.Lock()
    balances = [100, 50]
    failed: list[BaseException] = []

    def transfer() -> None:
        try:
            with lock:
                balances[0] -= 30  # the first half of a transfer...
                raise RuntimeError("transfer interrupted")  # ...and the second never happens
        except RuntimeError as error:
            failed.append(error)  # a thread's exception never reaches join()

    worker = threading.Thread(target=transfer)
    worker.start()
    worker.join()
    say(f"worker raised: {bool(failed)}")
    say(f"locked: {lock.locked()}")
    with lock:
        say(f"the next `with lock` succeeds; the data inside: {balances}")
        balances[0] += 30
    say(f"after repair: {balances}")


# ANCHOR_END: main


if __name__ == "__main__":
    main()
