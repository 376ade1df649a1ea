"""Tests of the Python version of `shared_publish` (solutions/shared/
shared_publish.py): the ordinary cases of tests/shared_publish.rs. The loom
cases have no Python counterpart: Python has no orderings to choose."""

import threading
import time
from types import ModuleType

VALUE = 42
OTHER = 7  # so that an answer that returns 42 without reading it fails
PATIENCE = 5  # seconds: longer than a published value can take to show


def test_nothing_is_read_before_publish(solution: ModuleType) -> None:
    mailbox = solution.Mailbox()
    assert mailbox.read() is None, "read() before any publish"


def test_a_published_value_is_read_back(solution: ModuleType) -> None:
    mailbox = solution.Mailbox()
    mailbox.publish(VALUE)
    assert mailbox.read() == VALUE, "read() after publish(42)"
    assert mailbox.read() == VALUE, "a second read() gives it again"


def test_another_value_is_read_back_too(solution: ModuleType) -> None:
    mailbox = solution.Mailbox()
    mailbox.publish(OTHER)
    assert mailbox.read() == OTHER, "read() after publish(7)"


def test_a_published_zero_is_read_back(solution: ModuleType) -> None:
    # 0 is also the value a mailbox starts with: only the flag tells a
    # published 0 from nothing published.
    mailbox = solution.Mailbox()
    mailbox.publish(0)
    assert mailbox.read() == 0, "read() after publish(0): the flag says a value is there"


def test_a_value_published_by_another_thread_arrives(solution: ModuleType) -> None:
    mailbox = solution.Mailbox()
    publisher = threading.Thread(target=mailbox.publish, args=(VALUE,), daemon=True)
    publisher.start()
    deadline = time.monotonic() + PATIENCE
    while (got := mailbox.read()) is None:
        assert time.monotonic() < deadline, "the value published by another thread never arrived"
        time.sleep(0)
    publisher.join(PATIENCE)
    assert got == VALUE, "the reader saw the flag set but another value"
