# A pipeline of stages, each a thread reading from one queue and writing to the
# next; a sentinel travels down the pipe to stop each stage. Twin of channels_pipeline.rs.
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Iterator


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


# ANCHOR: main
TEXT = [
    "channels connect threads",
    "each stage owns its receiver",
    "and a sender to the next stage",
]
END = None  # the sentinel: every stage passes it on, then stops


def stage(
    work: Callable[[Iterator[str]], Iterable[str]], source: queue.Queue[str | None]
) -> queue.Queue[str | None]:
    """Start a thread that feeds the items of `source` through `work` into a new queue."""
    out: queue.Queue[str | None] = queue.Queue(maxsize=4)

    def run() -> None:
        for item in work(iter(source.get, END)):
            out.put(item)
        out.put(END)

    threading.Thread(target=run).start()
    return out


def read_lines(lines: list[str]) -> queue.Queue[str | None]:
    start: queue.Queue[str | None] = queue.Queue()
    for line in lines:
        start.put(line)
    start.put(END)
    return stage(lambda items: items, start)


def split_words(lines: Iterator[str]) -> Iterator[str]:
    for line in lines:
        yield from line.split()


def keep_long(words: Iterator[str]) -> Iterator[str]:
    return (word.upper() for word in words if len(word) >= 6)


def main() -> None:
    long_words = stage(keep_long, stage(split_words, read_lines(TEXT)))
    count = 0
    for word in iter(long_words.get, END):
        say(word)
        count += 1
    say(f"{count} long words; every stage has closed its channel")


if __name__ == "__main__":
    main()
# ANCHOR_END: main
