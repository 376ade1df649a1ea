"""Tests of the Python version of `threads_make_it_compile` (solutions/threads/
threads_make_it_compile.py): the cases of tests/threads_make_it_compile.rs."""

from exercise_support import Rendezvous


def test_measures_come_back_in_the_order_of_the_words(solution):
    meeting = Rendezvous(4, "words", "being measured")

    def measured_len(word):
        meeting.meet()
        return len(word)

    measures = solution.measure_all(["a", "bbb", "cc", ""], measured_len)
    meeting.check()
    assert measures == [1, 3, 2, 0], 'the lengths of "a", "bbb", "cc" and "", in that order'


def test_no_words_no_measures(solution):
    assert solution.measure_all([], len) == []


def test_the_counting_threads_run_at_the_same_time_and_every_unit_counts(solution):
    meeting = Rendezvous(6, "threads", "counting")

    def seven_units_of_work():
        # Worth 7, not 1: counting threads instead of adding what work returned fails.
        meeting.meet()
        return 7

    total = solution.count_together(6, seven_units_of_work)
    meeting.check()
    assert total == 42, "six threads each returned 7"


def test_one_thread_counts_too(solution):
    assert solution.count_together(1, lambda: 7) == 7, "one thread returned 7"
