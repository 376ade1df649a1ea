# The same word count with a ProcessPoolExecutor: a worker reads and counts one
# whole file per task and sends back its Counter (pickled); the parent adds them up.
import os
import shutil
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

WORDS = ["ferris", "crab", "python", "snake", "thread", "gil"]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def make_files(directory: Path, count: int) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        text = [WORDS[(i * i + n) % len(WORDS)] for i in range(1_000 + 100 * n)]
        path = directory / f"file-{n}.txt"
        path.write_text(" ".join(text))
        paths.append(path)
    return paths


# ANCHOR: main
def count_file(path: Path) -> Counter[str]:
    return Counter(word.lower() for word in path.read_text().split())


def parallel_count(paths: list[Path]) -> Counter[str]:
    with ProcessPoolExecutor(max_workers=2) as pool:
        # Each path goes to a worker pickled; each Counter comes back pickled.
        # A worker's exception is raised here, as the Err of try_reduce.
        return sum(pool.map(count_file, paths), Counter())
# ANCHOR_END: main


def main() -> None:
    directory = Path(tempfile.gettempdir()) / f"rayon_word_count-{os.getpid()}"
    try:
        paths = make_files(directory, 8)
        counts = parallel_count(paths)
        expected = sum(map(count_file, paths), Counter())
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    rows = sorted(counts.items(), key=lambda row: (-row[1], row[0]))
    say(f"{len(paths)} files, {sum(counts.values())} words")
    for word, n in rows:
        say(f"{word:>8} {n}")
    assert counts == expected, "the parallel count must equal the sequential one"
    say("the parallel count equals the sequential count")


if __name__ == "__main__":
    main()
