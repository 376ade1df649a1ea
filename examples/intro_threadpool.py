# ThreadPoolExecutor: a fixed set of threads runs the submitted jobs and hands
# back their results. Twin of intro_threadpool.rs.

# ANCHOR: main
import sys
from concurrent.futures import ThreadPoolExecutor

DOCUMENTS = [
    "threads share memory",
    "channels move values between threads",
    "a pool reuses its threads",
    "tasks wait in a queue until a thread is free",
    "join waits for every queued task",
]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def count_words(text: str) -> int:
    return len(text.split())


def main() -> None:
    # Leaving the `with` block waits for every job, like `pool.join()`.
    with ThreadPoolExecutor(max_workers=2) as pool:
        # map hands results back in submission order, so there is nothing to sort.
        counts = list(pool.map(count_words, DOCUMENTS))

    for index, words in enumerate(counts):
        say(f"document {index}: {words} words")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
