# Python's own version: no poisoning at all. A `with lock:` block that raises releases the
# lock, and the next thread sees the half-done change with no sign that anything went wrong.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    balances = [100, 50]
    lock = threading.Lock()
    failed: list[bool] = []

    # ANCHOR: broken
    def first() -> None:
        try:
            with lock:
                balances[0] -= 30
                raise RuntimeError("transfer interrupted")  # the lock is released anyway
        except RuntimeError:
            failed.append(True)

    def second() -> None:
        with lock:  # acquired as usual: nothing marks the data as suspect
            say(f"second worker sees {balances}")

    for worker in (first, second):
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
    say(f"first worker failed: {bool(failed)}; second worker noticed: False")
    # ANCHOR_END: broken

    # ANCHOR: fixed
    def first_fixed() -> None:
        try:
            with lock:
                balances[0] -= 30
                try:
                    raise RuntimeError("transfer interrupted")
                except RuntimeError:
                    balances[0] += 30  # undo the half-done transfer before the lock is free
                    raise
        except RuntimeError:
            pass

    balances[0] += 30  # (repair what the broken worker left)
    thread = threading.Thread(target=first_fixed)
    thread.start()
    thread.join()
    say(f"after the repair: {balances}")
    # ANCHOR_END: fixed


if __name__ == "__main__":
    main()
