"""Tests of the Python version of `threads_panic_report` (solutions/threads/
threads_panic_report.py): the cases of tests/threads_panic_report.rs, with
exceptions where Rust has panics."""

import threading

from exercise_support import Rendezvous


def returns(value):
    return lambda: value


def raises(message):
    def job():
        raise RuntimeError(message)

    return job


def test_panic_message_reads_the_message(solution):
    assert solution.panic_message(RuntimeError("disk full")) == "disk full"


def test_panic_message_reads_a_formatted_message(solution):
    record = 7
    assert solution.panic_message(ValueError(f"bad record {record}")) == "bad record 7"


def test_panic_message_says_something_for_exceptions_without_a_message(solution):
    assert solution.panic_message(KeyError()), (
        "an exception without a message still needs a few words"
    )


def test_jobs_that_return_are_ok_and_run_at_the_same_time(solution):
    meeting = Rendezvous(4, "jobs", "running")

    def job(i):
        def run():
            meeting.meet()
            return i * 10

        return run

    report = solution.run_and_report([job(i) for i in range(4)])
    meeting.check()
    assert report == [
        ("ok", 0),
        ("ok", 10),
        ("ok", 20),
        ("ok", 30),
    ], "four jobs returned 0, 10, 20 and 30"


def test_a_failing_job_is_reported_with_its_message(solution):
    report = solution.run_and_report([returns(1), raises("disk full"), returns(3)])
    assert report == [("ok", 1), ("error", "disk full"), ("ok", 3)], (
        'job 1 raised "disk full": report it as ("error", "disk full"), in its place'
    )


def test_one_failure_does_not_stop_the_others(solution):
    meeting = Rendezvous(3, "jobs", "running")

    def job(i):
        def run():
            meeting.meet()
            return i

        return run

    report = solution.run_and_report(
        [raises("first job fails at once")] + [job(i) for i in (1, 2, 3)]
    )
    assert report == [("error", "first job fails at once"), ("ok", 1), ("ok", 2), ("ok", 3)]


def test_every_job_may_fail(solution):
    assert solution.run_and_report([raises("a"), raises("b")]) == [("error", "a"), ("error", "b")]


def test_each_job_runs_on_a_thread_named_after_its_place(solution):
    names = [None] * 3

    def job(i):
        def run():
            names[i] = threading.current_thread().name
            return 0

        return run

    solution.run_and_report([job(i) for i in range(3)])
    for i, name in enumerate(names):
        assert name == f"job-{i}", f"job {i} ran on a thread named {name!r}: name it `job-{i}`"
