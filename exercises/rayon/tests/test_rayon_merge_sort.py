"""Tests of the Python version of `rayon_merge_sort` (solutions/rayon/
rayon_merge_sort.py): the cases of tests/rayon_merge_sort.rs, with a
ThreadPoolExecutor of 2 threads in the place of rayon's pool."""

import threading
from concurrent.futures import ThreadPoolExecutor

from exercise_support import Rendezvous


def numbers(count: int, below: int) -> list[int]:
    return [(i * 2_654_435_761) % 2**32 % below for i in range(count)]


def ascending(a: int, b: int) -> int:
    return (a > b) - (a < b)


def test_it_sorts_like_the_standard_library(solution):
    with ThreadPoolExecutor(max_workers=2) as pool:
        for count in [0, 1, 2, 63, 64, 65, 1_000, 3_001]:
            items = numbers(count, 1_000)
            result = solution.merge_sort_by(pool, items, ascending)
            assert len(result) == len(items), f"every item must come back: {count} went in"
            assert result == sorted(items), f"{count} numbers, sorted in ascending order"


def test_it_sorts_by_the_order_given(solution):
    items = numbers(2_000, 1_000_000)
    with ThreadPoolExecutor(max_workers=2) as pool:
        result = solution.merge_sort_by(pool, items, lambda a, b: ascending(b, a))
    assert result == sorted(items, reverse=True), "a descending compare gives a descending order"


def test_items_that_compare_equal_keep_their_order(solution):
    items = list(zip(numbers(2_000, 10), range(2_000), strict=True))
    with ThreadPoolExecutor(max_workers=2) as pool:
        result = solution.merge_sort_by(pool, items, lambda a, b: ascending(a[0], b[0]))
    assert len(result) == len(items), "every item must come back"
    assert result == sorted(items, key=lambda item: item[0]), (
        "items that compare equal must keep their order (the sort must be stable)"
    )


def test_the_halves_are_sorted_in_parallel(solution):
    meeting = Rendezvous(2, "halves", "being sorted")
    met = threading.local()

    def compare(a: int, b: int) -> int:
        # Once both halves have met, the final merge's comparisons stay away.
        if meeting.arrived < 2 and not getattr(met, "done", False):
            met.done = True
            meeting.meet()
        return ascending(a, b)

    items = numbers(2_000, 1_000)
    with ThreadPoolExecutor(max_workers=2) as pool:
        try:
            result = solution.merge_sort_by(pool, items, compare)
        finally:
            meeting.check()
    assert result == sorted(items), "2 000 numbers, sorted"
