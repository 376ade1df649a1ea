"""Exercise `pitfalls_blocking_async`, in Python: the blocking call runs on a
worker thread through asyncio.to_thread, so the event loop keeps running the
task that sends the answer."""

from __future__ import annotations

import asyncio
import queue


def blocking_lookup(answers: queue.Queue[int]) -> int | None:
    """Stands in for a blocking library call: waits up to 2 s for an answer."""
    try:
        return answers.get(timeout=2)
    except queue.Empty:
        return None


async def lookup(answers: queue.Queue[int]) -> int | None:
    # Called directly, blocking_lookup would stop the event loop until it returns.
    return await asyncio.to_thread(blocking_lookup, answers)
