"""Tests of the Python version of `pitfalls_recv_loop` (solutions/pitfalls/
pitfalls_recv_loop.py): the cases of tests/pitfalls_recv_loop.rs. gather runs
on a daemon thread under a 2 s watchdog, so a loop that never ends fails the
test instead of hanging pytest."""

import threading
import time


def gather_with_a_watchdog(solution, jobs) -> list[int]:
    result: list[list[int]] = []
    thread = threading.Thread(target=lambda: result.append(solution.gather(jobs)), daemon=True)
    thread.start()
    thread.join(2)
    assert result, (
        "gather did not return within 2 s of being called, though every job had finished: "
        "its receiving loop still waits for an end marker (or for a quiet spell)"
    )
    return result[0]


def test_every_result_of_every_job_is_gathered(solution):
    def job(ident: int):
        def run(send) -> None:
            for n in range(3):
                send(ident * 10 + n)

        return run

    results = gather_with_a_watchdog(solution, [job(i) for i in range(4)])
    assert sorted(results) == [0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32], "every result, once"


def test_a_slow_job_is_waited_for(solution):
    def slow(send) -> None:
        send(2)
        # A second of slow work: a loop that stops after a shorter quiet spell misses the
        # second result, and one that waits a second or more cannot return within 2 s.
        time.sleep(1)
        send(3)

    results = gather_with_a_watchdog(solution, [lambda send: send(1), slow])
    assert sorted(results) == [1, 2, 3], "gather returned before the slow job had finished"


def test_no_jobs_means_no_results(solution):
    assert gather_with_a_watchdog(solution, []) == [], "nothing to gather"
