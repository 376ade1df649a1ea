# Python threads can use main's local variables freely: nothing checks how long a
# thread keeps them. Joining every thread before using the results is up to you.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    words = ["apple", "kiwi", "banana", "fig", "plum"]
    results: dict[str, object] = {}

    def count_short() -> None:
        results["short"] = sum(1 for w in words if len(w) <= 4)

    def count_letters() -> None:
        results["letters"] = sum(len(w) for w in words)

    def find_longest() -> None:
        # Key (length, word), as in the Rust version: no two words tie.
        results["longest"] = max(words, key=lambda w: (len(w), w), default="")

    threads = [threading.Thread(target=f) for f in (count_short, count_letters, find_longest)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    say(f"words of 4 letters or fewer: {results['short']}")
    say(f"letters in all words: {results['letters']}")
    say(f"longest word: {results['longest']}")
    say(f"main still owns all {len(words)} words")


if __name__ == "__main__":
    main()
