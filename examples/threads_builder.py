# threading.Thread takes a name; threading.stack_size() sets the stack size for
# every thread started afterwards; current_thread() says which thread is running.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def report(role: str) -> None:
    """Prints the name of whichever thread calls it."""
    name = threading.current_thread().name
    say(f"{role}: running on thread '{name}'")


def main() -> None:
    report("main")

    # A process-wide setting, not a per-thread one as in Rust: ask for 256 KiB...
    previous = threading.stack_size(256 * 1024)
    named = threading.Thread(target=report, args=("worker",), name="parser")
    named.start()
    threading.stack_size(previous)  # ...and put the default back for later threads.
    named.join()

    # Without a name, Python makes one up: "Thread-N (function name)".
    unnamed = threading.Thread(target=report, args=("helper",))
    unnamed.start()
    unnamed.join()

    ids: list[int] = []
    worker = threading.Thread(target=lambda: ids.append(threading.get_ident()))
    worker.start()
    worker.join()
    verdict = "the same" if ids[0] == threading.get_ident() else "different"
    say(f"main and worker ids are {verdict}")


if __name__ == "__main__":
    main()
