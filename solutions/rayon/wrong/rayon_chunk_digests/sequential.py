# expect: failed
# message: running one after another
# The right digests, in order, in the caller's thread: the pool is never used.


def chunk_digests(pool, data, chunk_len, digest):
    return [digest(data[i : i + chunk_len]) for i in range(0, len(data), chunk_len)]
