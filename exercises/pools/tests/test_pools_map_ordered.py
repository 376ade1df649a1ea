"""Tests of the Python version of `pools_map_ordered` (solutions/pools/
pools_map_ordered.py): the cases of tests/pools_map_ordered.rs, with a
ThreadPoolExecutor in the place of the threadpool crate's pool."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from exercise_support import PATIENCE, Rendezvous, ReverseFinish


def test_results_come_back_in_the_order_of_the_inputs_not_the_order_they_finish(solution):
    relay = ReverseFinish(6)

    def job(i):
        relay.finish(i)
        return f"result {i}"

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = solution.map_ordered(pool, range(6), job)
    relay.check()
    assert results == [f"result {i}" for i in range(6)], (
        "the jobs finished last to first: the results must come back in the order of the "
        "inputs all the same"
    )


def test_every_job_is_queued_before_any_result_is_awaited(solution):
    meeting = Rendezvous(4, "jobs", "running")

    def square(n):
        meeting.meet()
        return n * n

    with ThreadPoolExecutor(max_workers=4) as pool:
        try:
            results = solution.map_ordered(pool, [1, 2, 3, 4], square)
        finally:
            meeting.check()
    assert sorted(results) == [1, 4, 9, 16], "input n gives n * n"


def test_the_jobs_run_on_the_pool_given(solution):
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="the-pool") as pool:
        names = solution.map_ordered(pool, range(12), lambda _: threading.current_thread().name)
    for name in names:
        assert name.startswith("the-pool"), (
            "a job ran on a thread that is not one of the pool's: use the pool's own methods"
        )


def test_it_waits_only_for_its_own_jobs(solution):
    gate = threading.Event()
    with ThreadPoolExecutor(max_workers=2) as pool:
        other = pool.submit(gate.wait, PATIENCE)
        results = solution.map_ordered(pool, [3, 1, 2], lambda n: -n)
        gate.set()
        assert other.result() is True, (
            "map_ordered waited for a job that was not its own: wait for your own results only"
        )
    assert sorted(results) == [-3, -2, -1], "input n gives -n"


def test_each_input_is_used_once_and_no_inputs_give_no_results(solution):
    calls = []
    lock = threading.Lock()

    def length(s):
        with lock:
            calls.append(s)
        return len(s)

    with ThreadPoolExecutor(max_workers=3) as pool:
        assert sorted(solution.map_ordered(pool, ["a", "bb", "ccc"], length)) == [1, 2, 3]
        assert len(calls) == 3, "f must run once per input"
        assert solution.map_ordered(pool, [], length) == [], "no inputs, no results"


def test_a_job_that_raises_makes_map_ordered_raise(solution):
    with ThreadPoolExecutor(max_workers=2) as pool, pytest.raises(ZeroDivisionError):
        solution.map_ordered(pool, [1, 0, 4], lambda n: 12 // n)
