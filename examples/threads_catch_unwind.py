# In Python, try/except inside the thread keeps one bad item from ending the worker.
# (Rust's twin needs catch_unwind because parse_reading panics instead of raising.)
import sys
import threading


def parse_reading(text: str) -> int:
    return int(text)


def total_of(readings: list[str], totals: list[int]) -> None:
    """Adds up the readings, skipping any that fail to parse."""
    total = 0
    for text in readings:
        try:
            value = parse_reading(text)
        except ValueError:
            sys.stdout.write(f"worker: skipped '{text}', parsing it panicked\n")
            continue
        sys.stdout.write(f"worker: {text} -> {value}\n")
        total += value
    totals.append(total)


def main() -> None:
    totals: list[int] = []
    worker = threading.Thread(target=total_of, args=(["12", "7", "oops", "30"], totals))
    worker.start()
    worker.join()
    sys.stdout.write(f"main: worker's total is {totals[0]}\n")


if __name__ == "__main__":
    main()
