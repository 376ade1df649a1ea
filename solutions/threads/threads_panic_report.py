"""Exercise `threads_panic_report`, in Python: run jobs on named threads and
report the ones that raised, with their message, instead of losing them."""

from __future__ import annotations

import threading
from collections.abc import Callable


def panic_message(error: BaseException) -> str:
    """The message of an exception that a job raised; a few words for one
    raised without a message (`KeyError()` prints as nothing)."""
    return str(error) or f"{type(error).__name__} without a message"


# What Rust's `Result<u64, String>` says: ("ok", value) or ("error", message).
Report = tuple[str, int | str]


def run_and_report(jobs: list[Callable[[], int]]) -> list[Report]:
    """Runs every job at the same time, each on its own thread named `job-0`,
    `job-1`, … after its place in `jobs`, and reports on each, in order:
    ("ok", value) for a job that returned, ("error", message) for one that
    raised. Python's `Thread` would print the exception and forget it; here
    it is kept, as a future keeps it for `f.exception()`."""
    results: list[Report] = [("error", "never ran")] * len(jobs)

    def run(i: int) -> None:
        try:
            results[i] = ("ok", jobs[i]())
        except Exception as error:
            results[i] = ("error", panic_message(error))

    threads = [threading.Thread(target=run, args=(i,), name=f"job-{i}") for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
