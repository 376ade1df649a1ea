"""Tests of the Python version of `shared_semaphore` (solutions/shared/
shared_semaphore.py): the cases of tests/shared_semaphore.rs, with a `with`
block where Rust drops the permit. Where the Rust test gives a thread time to
reach its wait, this one knows: it counts the threads inside `wait()`."""

import sys
import threading
import time

import pytest
from exercise_support import Rendezvous

LIMIT = 10  # seconds: a guard against a thread that never wakes up


def test_a_permit_is_taken_and_given_back(solution):
    semaphore = solution.Semaphore(2)
    with semaphore.acquire():
        assert semaphore.available() == 1, "one of two permits is held"
    assert semaphore.available() == 2, "leaving the block gives the permit back"


def test_three_permits_let_three_threads_in_at_once(solution):
    semaphore = solution.Semaphore(3)
    meeting = Rendezvous(3, "threads", "holding a permit")

    def hold() -> None:
        with semaphore.acquire():
            meeting.meet()

    threads = [threading.Thread(target=hold, daemon=True) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(LIMIT)
    meeting.check()
    assert semaphore.available() == 3


def test_never_more_holders_than_permits(solution):
    semaphore = solution.Semaphore(2)
    lock = threading.Lock()
    counts = {"inside": 0, "most": 0}
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, so they overlap

    def work() -> None:
        for _ in range(300):
            with semaphore.acquire():
                with lock:
                    counts["inside"] += 1
                    counts["most"] = max(counts["most"], counts["inside"])
                time.sleep(0)
                with lock:
                    counts["inside"] -= 1

    try:
        threads = [threading.Thread(target=work, daemon=True) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(LIMIT)
            assert not thread.is_alive(), "a thread never got a permit"
    finally:
        sys.setswitchinterval(before)
    most = counts["most"]
    assert most <= 2, f"{most} threads held a permit at once; there are 2 permits"
    assert semaphore.available() == 2


def test_acquire_waits_until_a_permit_comes_back(solution):
    semaphore = solution.Semaphore(1)
    held = semaphore.acquire()
    got = threading.Event()

    def take() -> None:
        with semaphore.acquire():
            got.set()

    threading.Thread(target=take, daemon=True).start()
    # `Condition._waiters` is CPython's private list of the threads inside
    # `wait()` (a thread joins it before it releases the lock): once it is not
    # empty, the thread certainly waits, where a sleep only makes it likely.
    deadline = time.monotonic() + LIMIT
    while not semaphore._returned._waiters and not got.is_set():
        assert time.monotonic() < deadline, "the thread never started waiting"
        time.sleep(0.001)
    assert not got.is_set(), "acquire returned while the only permit was held"
    held.release()
    assert got.wait(LIMIT), "the waiting thread never woke up"


def test_a_raising_holder_still_gives_its_permit_back(solution):
    semaphore = solution.Semaphore(1)
    with pytest.raises(RuntimeError):
        with semaphore.acquire():
            raise RuntimeError("the job failed")
    assert semaphore.available() == 1, "the permit of a block that raised must come back"
