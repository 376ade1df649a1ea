# expect: failed
# message: only 1 of 2 halves were being sorted at the same time
# Sorted and stable, in the caller's thread: the pool is never used.
import functools


def merge_sort_by(pool, items, compare):
    return sorted(items, key=functools.cmp_to_key(compare))
