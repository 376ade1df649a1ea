"""Exercise `rayon_word_count`, in Python: count the words of several files
on a pool, and add the counts up."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from pathlib import Path


def count_words(
    pool: Executor, paths: Sequence[Path], read: Callable[[Path], str]
) -> Counter[str]:
    """Counts every word (str.split, lowercased) of every file, each file
    read with `read` as a job on `pool`. If a read raises, so does this."""

    # ANCHOR: count
    def count_file(path: Path) -> Counter[str]:
        return Counter(word.lower() for word in read(path).split())

    # map runs the jobs on the pool and re-raises a job's exception here.
    # With a ProcessPoolExecutor, count_file would have to be a module-level
    # function and each Counter would come back pickled.
    return sum(pool.map(count_file, paths), Counter())
    # ANCHOR_END: count
