# threading.RLock is re-entrant: the thread that holds it may take it again, so
# add_many can call add while holding the lock. With a plain Lock it would hang.
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
class Inventory:
    def __init__(self) -> None:
        self._lock = threading.RLock()  # a Lock here would make add_many hang
        self.items: list[str] = []

    def add(self, item: str) -> None:
        with self._lock:
            if item not in self.items:
                self.items.append(item)

    def add_many(self, new: list[str]) -> None:
        with self._lock:  # one lock for the whole batch...
            for item in new:
                self.add(item)  # ...and add takes it again: fine for an RLock


# ANCHOR_END: main


def main() -> None:
    inventory = Inventory()
    inventory.add("apple")
    inventory.add_many(["pear", "apple", "plum"])
    say(f"items: {', '.join(inventory.items)}")


if __name__ == "__main__":
    main()
