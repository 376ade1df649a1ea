"""Exercise `rayon_merge_sort`, in Python: a stable merge sort whose two
halves are sorted as two jobs on a pool, then merged."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from typing import TypeVar

T = TypeVar("T")
SEQUENTIAL_BELOW = 64


def merge(left: list[T], right: list[T], compare: Callable[[T, T], int]) -> list[T]:
    merged, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if compare(left[i], right[j]) <= 0:  # a tie takes the left one: stable
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    return merged + left[i:] + right[j:]


def sort_sequential(items: Sequence[T], compare: Callable[[T, T], int]) -> list[T]:
    if len(items) < SEQUENTIAL_BELOW:
        # insertion sort, stable
        result: list[T] = []
        for item in items:
            k = len(result)
            while k > 0 and compare(result[k - 1], item) > 0:
                k -= 1
            result.insert(k, item)
        return result
    middle = len(items) // 2
    return merge(
        sort_sequential(items[:middle], compare), sort_sequential(items[middle:], compare), compare
    )


def merge_sort_by(pool: Executor, items: Sequence[T], compare: Callable[[T, T], int]) -> list[T]:
    """A sorted copy of `items`, stable. Only the top two halves become jobs:
    a job of a pool cannot cheaply wait for more jobs of the same pool the way
    rayon::join can, so below the top the recursion stays in its thread."""
    if len(items) < SEQUENTIAL_BELOW:
        return sort_sequential(items, compare)
    middle = len(items) // 2
    left = pool.submit(sort_sequential, items[:middle], compare)
    right = pool.submit(sort_sequential, items[middle:], compare)
    return merge(left.result(), right.result(), compare)
