"""Tests of the Python version of `shared_publish` (solutions/shared/
shared_publish.py): the ordinary cases of tests/shared_publish.rs. The loom
cases have no Python counterpart: the Event's lock leaves no ordering to get
wrong."""

import threading
import time
from types import ModuleType

VALUE = 42
PATIENCE = 5  # seconds: longer than a published value can take to show


def test_nothing_is_read_before_publish(solution: ModuleType) -> None:
    mailbox = solution.Mailbox()
    assert mailbox.read() is None, "read() before any publish"


def test_a_published_value_is_read_back(solution: ModuleType) -> None:
    mailbox = solution.Mailbox()
    mailbox.publish(VALUE)
    assert mailbox.read() == VALUE, "read() after publish(42)"
    assert mailbox.read() == VALUE, "a second read() gives it again"


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
