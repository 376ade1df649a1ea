# A threading.Condition lets threads sleep until a condition holds: wait_for
# re-checks it after every wake-up, notify_all wakes all waiters, and a
# timeout gives up. For a plain flag, Python also has threading.Event.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def main() -> None:
    cond = threading.Condition()  # a lock and a wait queue in one object
    started = False

    def run(runner: int) -> None:
        with cond:
            cond.wait_for(lambda: started)
        say(f"runner {runner}: off")

    threads = [threading.Thread(target=run, args=(r,)) for r in range(3)]
    for thread in threads:
        thread.start()
    with cond:
        started = True
        cond.notify_all()
    for thread in threads:
        thread.join()
    # ANCHOR_END: main

    # ANCHOR: timeout
    items: list[int] = []
    arrived = threading.Condition()
    with arrived:
        # wait_for returns the predicate's last value: False after a timeout.
        ready = arrived.wait_for(lambda: bool(items), timeout=0.02)
        say(f"timed out: {str(not ready).lower()}, items: {len(items)}")
    # ANCHOR_END: timeout


if __name__ == "__main__":
    main()
