"""Tests of the Python version of `shared_bank_transfer` (solutions/shared/
shared_bank_transfer.py): the cases of tests/shared_bank_transfer.rs, with
exceptions where Rust returns Err. A deadlock fails the test after a time
limit instead of hanging it (the threads are daemons)."""

import sys
import threading
import time

import pytest
from exercise_support import Rendezvous

LIMIT = 10  # seconds: a guard against a deadlock, far above the normal time


def run_guarded(target) -> None:
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(LIMIT)
    assert not thread.is_alive(), f"still waiting after {LIMIT} s: a deadlock?"


def test_a_transfer_moves_the_money(solution):
    bank = solution.Bank([100, 50])
    bank.transfer(0, 1, 30)
    assert bank.audit() == [70, 80], "0 paid 30 to 1"
    bank.transfer(1, 0, 80)
    assert bank.audit() == [150, 0], "1 paid all its 80 back to 0"


def test_too_little_money_moves_nothing(solution):
    bank = solution.Bank([10, 0])
    with pytest.raises(solution.InsufficientFunds) as refused:
        bank.transfer(0, 1, 11)
    assert (refused.value.needed, refused.value.available) == (11, 10)
    assert bank.audit() == [10, 0], "a refused transfer changes no balance"


def test_an_unknown_account_is_an_error(solution):
    bank = solution.Bank([10, 0])
    with pytest.raises(solution.NoSuchAccount):
        bank.transfer(0, 2, 1)
    with pytest.raises(solution.NoSuchAccount):
        bank.transfer(5, 0, 1)
    assert bank.audit() == [10, 0]


def test_a_transfer_to_the_same_account_changes_nothing(solution):
    bank = solution.Bank([10, 0])

    def same_account() -> None:
        bank.transfer(0, 0, 5)
        with pytest.raises(solution.InsufficientFunds):
            bank.transfer(1, 1, 5)

    run_guarded(same_account)
    assert bank.audit() == [10, 0]


@pytest.fixture
def frequent_switches():
    """The GIL lets a thread run 5 ms before switching: long enough for
    thousands of transfers, so threads seldom interleave. Switching far more
    often makes the interleavings that break wrong answers likely."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    yield
    sys.setswitchinterval(before)


# Seconds of transfers, not a fixed count, as in the Rust tests: 5,000
# rounds each ended inside a few time slices on a busy machine (six wrong
# answers run at once), the threads never met between their two locks, and
# the wrong lock order passed once in eight full runs. The second is only a
# budget of work; what is checked is the money.
BUSY = 1.0


def test_opposite_transfers_from_many_threads_keep_every_cent(solution, frequent_switches):
    start = 1 << 40
    bank = solution.Bank([start, start, start])
    meeting = Rendezvous(10, "threads", "moving money")
    failures: list[str] = []
    moved: list[tuple[int, int, int]] = []  # (source, target, amount), one per thread

    def move(t: int) -> None:
        meeting.meet()
        a, b = (0, 1) if t % 4 < 2 else (1, 2)
        source, target = (a, b) if t % 2 == 0 else (b, a)
        until, total, round_ = time.monotonic() + BUSY, 0, 0
        while time.monotonic() < until:
            for _ in range(100):
                amount = 1 + round_ % 7
                bank.transfer(source, target, amount)
                total += amount
                round_ += 1
        moved.append((source, target, total))

    def audit() -> None:
        meeting.meet()
        for _ in range(200):
            if sum(bank.audit()) != 3 * start:
                failures.append("money appeared or vanished during the transfers")

    def everything() -> None:
        threads = [threading.Thread(target=move, args=(t,), daemon=True) for t in range(8)]
        threads += [threading.Thread(target=audit, daemon=True) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    run_guarded(everything)
    meeting.check()
    assert not failures, failures[0]
    expected = [start, start, start]
    for source, target, total in moved:
        expected[source] -= total
        expected[target] += total
    assert bank.audit() == expected, (
        "each account must end with what it started with, minus what it paid, plus what it got"
    )
