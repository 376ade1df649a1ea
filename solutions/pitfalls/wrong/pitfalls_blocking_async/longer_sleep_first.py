# expect: failed
# message: lookup slept before it asked
# The same sleep before the blocking call, ten times longer (0.5 s): it outlasts
# the first tests' answers, so they pass; the timer-counting test sees the sleep.
from __future__ import annotations

import asyncio
import queue


def blocking_lookup(answers: queue.Queue[int]) -> int | None:
    try:
        return answers.get(timeout=2)
    except queue.Empty:
        return None


async def lookup(answers: queue.Queue[int]) -> int | None:
    await asyncio.sleep(0.5)
    return blocking_lookup(answers)
