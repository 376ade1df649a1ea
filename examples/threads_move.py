# Python threads share objects: passing a list to a thread passes a reference.
# Copy it first if the thread must not see main's changes (or main the thread's).
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    guests = ["Grace", "Ada", "Barbara"]
    letters: list[int] = []

    def count_letters(names: list[str]) -> None:
        letters.append(sum(len(name) for name in names))

    # The first thread gets its own copy of the list.
    counter = threading.Thread(target=count_letters, args=(list(guests),))
    # The second thread sorts main's own list in place: both see the same object.
    sorter = threading.Thread(target=guests.sort)
    counter.start()
    sorter.start()

    counter.join()
    say(f"letters in all names: {letters[0]}")
    sorter.join()
    say(f"sorted guests: {', '.join(guests)}")


if __name__ == "__main__":
    main()
