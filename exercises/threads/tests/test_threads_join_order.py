"""Tests of the Python version of `threads_join_order` (solutions/threads/
threads_join_order.py): the cases of tests/threads_join_order.rs."""

import threading

from exercise_support import Rendezvous, ReverseFinish


def test_results_come_back_in_the_order_of_the_jobs_not_the_order_they_finish(solution):
    relay = ReverseFinish(6)

    def job(i):
        def run():
            relay.finish(i)
            return f"job {i}"

        return run

    results = solution.run_all([job(i) for i in range(6)])
    relay.check()
    assert results == [f"job {i}" for i in range(6)], (
        "the jobs finished last to first: the results must come back in the order of the jobs "
        "all the same"
    )


def test_all_jobs_run_at_the_same_time(solution):
    meeting = Rendezvous(8, "jobs", "running")

    def job(i):
        def run():
            meeting.meet()
            return i * i

        return run

    results = solution.run_all([job(i) for i in range(8)])
    meeting.check()
    assert results == [0, 1, 4, 9, 16, 25, 36, 49]


def test_each_job_runs_exactly_once(solution):
    runs = []
    lock = threading.Lock()

    def job():
        with lock:
            runs.append(1)

    assert len(solution.run_all([job] * 10)) == 10, "one result per job"
    assert len(runs) == 10, "each of the 10 jobs must run once"


def test_works_for_results_of_any_type_and_for_no_jobs(solution):
    assert solution.run_all([lambda: [1, 2], list, lambda: [3]]) == [[1, 2], [], [3]]
    assert solution.run_all([]) == [], "no jobs, no results"
