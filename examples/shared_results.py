# concurrent.futures gives the same three outcomes: result() returns a value,
# returns an error value, or raises the exception the thread raised.
import sys
from concurrent.futures import ThreadPoolExecutor


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


class ReadingError(Exception):
    pass


def parse_reading(text: str) -> int | ReadingError:
    try:
        value = int(text.strip())
    except ValueError as error:
        return ReadingError(f"{text!r}: {error}")
    # A bug we have not found yet: a reading of 0 makes this divide by zero.
    return 1000 // value


# ANCHOR: main
def main() -> None:
    inputs = ["250", "abc", "0"]
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(parse_reading, text) for text in inputs]
        for text, future in zip(inputs, futures, strict=True):
            try:
                outcome = future.result()
            except Exception as error:  # the thread raised
                say(f"{text}: panicked: {error}")
                continue
            if isinstance(outcome, ReadingError):
                say(f"{text}: reported an error: {outcome}")
            else:
                say(f"{text}: worked, {outcome}")


# ANCHOR_END: main


if __name__ == "__main__":
    main()
