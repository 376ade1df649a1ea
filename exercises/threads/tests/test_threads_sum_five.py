"""Tests of the Python version of `threads_sum_five` (solutions/threads/
threads_sum_five.py): the cases of tests/threads_sum_five.rs."""

import threading

from exercise_support import Rendezvous


class Probe:
    """A `sum_slice` that records each call and, with `meet`, waits until the
    five slices are being summed at the same time."""

    def __init__(self, meet: bool) -> None:
        self.calls = []
        self.lock = threading.Lock()
        self.meeting = Rendezvous(5, "slices", "being summed") if meet else None

    def __call__(self, piece):
        with self.lock:
            self.calls.append(
                (piece[0] if piece else None, len(piece), threading.current_thread(), piece)
            )
        if self.meeting:
            self.meeting.meet()
        return sum(piece)


def test_adds_up_a_large_vector(solution):
    n = 1_000_000
    assert solution.sum_in_five_threads(list(range(n)), Probe(False)) == n * (n - 1) // 2, (
        "wrong total for the numbers 0..1_000_000"
    )


def test_counts_the_numbers_left_over_when_the_length_is_not_a_multiple_of_five(solution):
    n = 1_000_003
    assert solution.sum_in_five_threads(list(range(n)), Probe(False)) == n * (n - 1) // 2, (
        "wrong total for the numbers 0..1_000_003: are the last few numbers summed?"
    )


def test_a_short_vector_is_still_cut_into_five_slices(solution):
    probe = Probe(False)
    assert solution.sum_in_five_threads(list(range(7)), probe) == 21, (
        "wrong total for the numbers 0..7: are the last few numbers summed?"
    )
    calls = len(probe.calls)
    assert calls == 5, (
        f"a short vector of 7 numbers: `sum_slice` was called {calls} times; cut it into five "
        "slices too, one per thread (slices of ceil(len / 5) numbers make only four)"
    )


def test_the_five_slices_are_summed_at_the_same_time(solution):
    n = 100_000
    probe = Probe(True)
    total = solution.sum_in_five_threads(list(range(n)), probe)
    probe.meeting.check()
    assert total == n * (n - 1) // 2


def test_each_slice_is_summed_once_on_its_own_worker_thread(solution):
    n = 1_000_003
    probe = Probe(False)
    solution.sum_in_five_threads(list(range(n)), probe)
    calls = probe.calls
    assert len(calls) == 5, f"`sum_slice` was called {len(calls)} times: call it five times"
    assert all(thread is not threading.current_thread() for _, _, thread, _ in calls), (
        "the calling thread summed a slice itself: leave all five to the worker threads"
    )
    # Thread objects, not idents: an ident may be reused once a thread ends.
    assert len({id(thread) for _, _, thread, _ in calls}) == 5, (
        "the five slices were not summed on five different threads"
    )
    assert all(
        list(piece) == list(range(piece[0], piece[0] + len(piece)))
        for _, _, _, piece in calls
        if piece
    ), "a slice was not a contiguous piece"
    expected_next = 0
    for first, length, _, _ in sorted((c for c in calls if c[1]), key=lambda c: c[0]):
        assert first == expected_next, (
            f"the slices do not fit together: one starts at {first}, "
            f"where {expected_next} was expected"
        )
        expected_next += length
    assert expected_next == n, f"the slices hold {expected_next} numbers; the list has {n}"
