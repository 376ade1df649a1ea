# expect: failed
# message: held the event loop
# Sleeps (asynchronously) before the blocking call, "to let the other task answer
# first": it works when the answer comes within 50 ms, and blocks the loop when not.
from __future__ import annotations

import asyncio
import queue


def blocking_lookup(answers: queue.Queue[int]) -> int | None:
    try:
        return answers.get(timeout=2)
    except queue.Empty:
        return None


async def lookup(answers: queue.Queue[int]) -> int | None:
    await asyncio.sleep(0.05)
    return blocking_lookup(answers)
