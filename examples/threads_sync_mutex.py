# Python lets threads share a list without complaint; a Lock around each change is
# the habit that matches Rust's Mutex (list.append alone is safe, longer updates are not).
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    log: list[str] = []
    log_lock = threading.Lock()

    def record(name: str) -> None:
        with log_lock:
            log.append(name)

    threads = [threading.Thread(target=record, args=(name,)) for name in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # The threads appended in whatever order they ran; sort for a stable report.
    say(f"log: {', '.join(sorted(log))}")


if __name__ == "__main__":
    main()
