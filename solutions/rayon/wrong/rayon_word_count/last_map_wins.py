# expect: failed
# message: the parallel count must equal a sequential count
# dict.update replaces a word's count with the next file's instead of adding.
from collections import Counter


def count_words(pool, paths, read):
    total = {}
    for counts in pool.map(lambda p: Counter(w.lower() for w in read(p).split()), paths):
        total.update(counts)
    return Counter(total)
