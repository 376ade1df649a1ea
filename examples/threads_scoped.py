# Python threads can use main's local variables freely: nothing checks how long a
# thread keeps them. Joining every thread before using the results is up to you.
import threading


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

    print(f"words of 4 letters or fewer: {results['short']}")
    print(f"letters in all words: {results['letters']}")
    print(f"longest word: {results['longest']}")
    print(f"main still owns all {len(words)} words")


if __name__ == "__main__":
    main()
