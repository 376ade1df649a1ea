"""Exercise `rayon_chunk_digests`, in Python: one digest per chunk of a
buffer, computed on a pool, in the chunks' order."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor


def chunk_digests(
    pool: Executor, data: bytes, chunk_len: int, digest: Callable[[bytes], int]
) -> list[int]:
    """The digest of each `chunk_len`-byte chunk of `data` (the last may be
    shorter), computed as jobs on `pool`, in the chunks' order."""
    if chunk_len <= 0:
        raise ValueError("chunk_len must be positive")
    # ANCHOR: digests
    # Each slice is a copy of its bytes (a memoryview would share them).
    chunks = [data[i : i + chunk_len] for i in range(0, len(data), chunk_len)]
    return list(pool.map(digest, chunks))
    # ANCHOR_END: digests
