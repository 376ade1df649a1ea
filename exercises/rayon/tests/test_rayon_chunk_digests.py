"""Tests of the Python version of `rayon_chunk_digests` (solutions/rayon/
rayon_chunk_digests.py): the cases of tests/rayon_chunk_digests.rs, with a
ThreadPoolExecutor in the place of rayon's pool."""

import zlib
from concurrent.futures import ThreadPoolExecutor

import pytest
from exercise_support import Rendezvous, ReverseFinish


def data(length: int) -> bytes:
    return bytes((i * 7 + i // 3) % 256 for i in range(length))


def test_one_digest_per_chunk_in_order(solution):
    buffer = data(10_000)
    with ThreadPoolExecutor(max_workers=2) as pool:
        got = solution.chunk_digests(pool, buffer, 1_000, zlib.crc32)
    expected = [zlib.crc32(buffer[i : i + 1_000]) for i in range(0, 10_000, 1_000)]
    assert got == expected, "the digests must come back in the order of the chunks"


def test_the_last_shorter_chunk_counts(solution):
    with ThreadPoolExecutor(max_workers=2) as pool:
        got = solution.chunk_digests(pool, data(10), 4, len)
    # Which digests first, then their order: an answer that loses the order
    # is told so, whichever test catches it, not that it lost the last chunk.
    assert sorted(got) == [2, 4, 4], "the last, shorter chunk has a digest too"
    assert got == [4, 4, 2], "the digests must come back in the order of the chunks"
    with ThreadPoolExecutor(max_workers=2) as pool:
        assert solution.chunk_digests(pool, b"", 4, len) == [], "no data, no chunks"


def test_the_order_holds_when_the_chunks_finish_last_to_first(solution):
    relay = ReverseFinish(6)
    buffer = bytes(range(60))

    def digest(chunk: bytes) -> int:
        index = chunk[0] // 10
        relay.finish(index)
        return index

    with ThreadPoolExecutor(max_workers=6) as pool:
        try:
            got = solution.chunk_digests(pool, buffer, 10, digest)
        finally:
            relay.check()
    assert got == [0, 1, 2, 3, 4, 5], (
        "the digests must come back in the order of the chunks, however they finish"
    )


def test_the_chunks_are_digested_in_parallel(solution):
    meeting = Rendezvous(2, "chunks", "being digested")

    def digest(chunk: bytes) -> int:
        meeting.meet()
        return zlib.crc32(chunk)

    buffer = data(20)
    with ThreadPoolExecutor(max_workers=2) as pool:
        try:
            got = solution.chunk_digests(pool, buffer, 10, digest)
        finally:
            meeting.check()
    assert sorted(got) == sorted([zlib.crc32(buffer[:10]), zlib.crc32(buffer[10:])])


def test_a_chunk_length_of_zero_is_an_error(solution):
    with ThreadPoolExecutor(max_workers=2) as pool:
        assert solution.chunk_digests(pool, b"abc", 3, len) == [3], "one chunk"
        with pytest.raises(ValueError):
            solution.chunk_digests(pool, b"abc", 0, len)
