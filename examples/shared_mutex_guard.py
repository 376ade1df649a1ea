# A `with lock:` block holds a threading.Lock until the block ends; acquire()
# and release() do it by hand, and acquire(blocking=False) asks without waiting.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
def main() -> None:
    lock = threading.Lock()
    log: list[str] = []
    held = threading.Barrier(2)
    released = threading.Barrier(2)

    def writer() -> None:
        lock.acquire()
        log.append("writer: first line")
        held.wait()
        released.wait()
        log.append("writer: second line")
        lock.release()  # Python's counterpart of drop(guard)
        released.wait()

    def reader() -> None:
        held.wait()
        if lock.acquire(blocking=False):
            say("reader: got the lock (unexpected)")
            lock.release()
        else:
            say("reader: busy, the writer holds it")
        released.wait()
        released.wait()
        assert lock.acquire(blocking=False), "the writer has released the lock"
        say(f"reader: got the lock, {len(log)} lines in the log")
        lock.release()

    threads = [threading.Thread(target=writer), threading.Thread(target=reader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    with lock:  # released when the block ends, even by an exception
        log.append("main: third line")
    for line in log:
        say(line)


# ANCHOR_END: main


if __name__ == "__main__":
    main()
