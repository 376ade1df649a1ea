"""Tests of the Python version of `rayon_word_count` (solutions/rayon/
rayon_word_count.py): the cases of tests/rayon_word_count.rs, with a
ThreadPoolExecutor of 2 threads in the place of rayon's pool."""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from exercise_support import Rendezvous

WORDS = ["ferris", "Crab", "python", "snake", "thread", "gil", "GIL"]


def texts() -> dict[Path, str]:
    return {
        Path(f"file-{n}.txt"): (" " if n % 2 == 0 else "\n").join(
            WORDS[(i * i + 3 * n) % len(WORDS)] for i in range(200 + 37 * n)
        )
        for n in range(6)
    }


def test_the_counts_equal_a_sequential_count(solution):
    files = texts()
    expected = Counter(word.lower() for text in files.values() for word in text.split())
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = solution.count_words(pool, sorted(files), files.__getitem__)
    assert counts == expected, "the parallel count must equal a sequential count of the same files"


def test_words_are_counted_lowercased(solution):
    files = {Path("a.txt"): "Crab crab\tCRAB\n", Path("b.txt"): "  ferris crab "}
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = solution.count_words(pool, list(files), files.__getitem__)
    assert counts == {"crab": 4, "ferris": 1}, "words are counted lowercased"


def test_the_files_are_read_in_parallel(solution):
    meeting = Rendezvous(2, "files", "being read")
    met = threading.local()

    def read(_path: Path) -> str:
        if not getattr(met, "done", False):
            met.done = True
            meeting.meet()
        return "one two two"

    with ThreadPoolExecutor(max_workers=2) as pool:
        try:
            counts = solution.count_words(pool, [Path(f"{n}.txt") for n in range(4)], read)
        finally:
            meeting.check()
    assert counts["two"] == 8, '4 files with "two" twice each'


def test_a_file_that_cannot_be_read_is_an_error(solution):
    def read(path: Path) -> str:
        if path == Path("3.txt"):
            raise FileNotFoundError(path)
        return "words words"

    with ThreadPoolExecutor(max_workers=2) as pool, pytest.raises(FileNotFoundError):
        solution.count_words(pool, [Path(f"{n}.txt") for n in range(5)], read)


def test_real_files_and_no_files(solution, tmp_path):
    paths = []
    for n in range(3):
        path = tmp_path / f"{n}.txt"
        path.write_text("to be or not to be")
        paths.append(path)
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = solution.count_words(pool, paths, Path.read_text)
        assert (counts["to"], counts["be"], counts["or"]) == (6, 6, 3)
        assert solution.count_words(pool, [], Path.read_text) == {}, "no files, no words"
