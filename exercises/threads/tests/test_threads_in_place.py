"""Tests of the Python version of `threads_in_place` (solutions/threads/
threads_in_place.py): the cases of tests/threads_in_place.rs, on an
`array("Q")`, whose pieces a `memoryview` can hand out without copying."""

import threading
from array import array

from exercise_support import Rendezvous


class Probe:
    """An `update` that records each piece and doubles its numbers; with
    `meet`, the pieces must be updated at the same time."""

    def __init__(self, numbers: array, meet: int | None = None) -> None:
        self.numbers = numbers
        self.pieces = []
        self.lock = threading.Lock()
        self.meeting = Rendezvous(meet, "pieces", "being updated") if meet else None

    def __call__(self, piece) -> None:
        with self.lock:
            # A view of the caller's array, or something else (a copy)?
            self.pieces.append(
                (isinstance(piece, memoryview) and piece.obj is self.numbers, len(piece))
            )
        if self.meeting:
            self.meeting.meet()
        for i in range(len(piece)):
            piece[i] *= 2


def numbered(n: int) -> array:
    return array("Q", range(n))


def test_every_number_is_updated_in_place_once(solution):
    for n, threads in [(12, 4), (10_003, 4), (10, 3), (7, 1), (100, 16)]:
        numbers = numbered(n)
        solution.update_in_place(numbers, threads, Probe(numbers))
        assert list(numbers) == [2 * i for i in range(n)], (
            f"{n} numbers on {threads} threads: `update` doubles each number, but afterwards the "
            f"caller's numbers are not all doubled (first ones: {list(numbers[:6])}). Was a piece "
            "copied, or a number updated twice or never?"
        )


def test_the_pieces_are_updated_at_the_same_time(solution):
    numbers = numbered(1_200)
    probe = Probe(numbers, meet=4)
    solution.update_in_place(numbers, 4, probe)
    probe.meeting.check()
    assert list(numbers) == [2 * i for i in range(1_200)]


def test_each_piece_is_a_view_of_the_callers_numbers(solution):
    numbers = numbered(10_000)
    probe = Probe(numbers)
    solution.update_in_place(numbers, 4, probe)
    assert all(is_view for is_view, _ in probe.pieces), (
        "a piece given to `update` is not a view of the caller's numbers: it was copied. "
        "Hand out `memoryview(numbers)[a:b]`"
    )


def test_at_most_threads_pieces_each_updated_once(solution):
    for n, threads in [(10_003, 4), (12, 5), (10, 4)]:
        numbers = numbered(n)
        probe = Probe(numbers)
        solution.update_in_place(numbers, threads, probe)
        assert len(probe.pieces) <= threads, (
            f"{n} numbers on {threads} threads: `update` was called {len(probe.pieces)} times"
        )
        assert sum(length for _, length in probe.pieces) == n


def test_no_numbers_or_fewer_numbers_than_threads(solution):
    none = numbered(0)
    solution.update_in_place(none, 3, Probe(none))
    three = array("Q", [5, 6, 7])
    solution.update_in_place(three, 5, Probe(three))
    assert list(three) == [10, 12, 14], "3 numbers on 5 threads"
