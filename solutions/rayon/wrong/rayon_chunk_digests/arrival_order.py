# expect: failed
# message: the digests must come back in the order of the chunks
# as_completed yields the jobs in the order they finish.
from concurrent.futures import as_completed


def chunk_digests(pool, data, chunk_len, digest):
    chunks = [data[i : i + chunk_len] for i in range(0, len(data), chunk_len)]
    return [f.result() for f in as_completed([pool.submit(digest, c) for c in chunks])]
