# expect: failed
# message: only 1 of 2 files were being read at the same time
# Right counts, but the files are read one after another in the caller's
# thread; the pool is never used.
from collections import Counter


def count_words(pool, paths, read):
    total = Counter()
    for path in paths:
        total.update(word.lower() for word in read(path).split())
    return total
