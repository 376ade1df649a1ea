"""Tests of the Python version of `pitfalls_blocking_async` (solutions/pitfalls/
pitfalls_blocking_async.py): the cases of tests/pitfalls_blocking_async.rs.
The answer is put by another task of the same event loop, so it comes only if
lookup leaves the loop free."""

import asyncio
import queue
from collections.abc import Callable
from typing import Any

BLOCKED = (
    "lookup returned None: the blocking call held the event loop, so the task "
    "that puts the answer never ran (run it with asyncio.to_thread)"
)


def test_the_answer_comes_from_another_task(solution):
    async def main() -> int | None:
        answers: queue.Queue[int] = queue.Queue()

        async def answer() -> None:
            await asyncio.sleep(0.01)
            answers.put(42)

        task = asyncio.create_task(answer())
        got = await solution.lookup(answers)
        await task
        return got

    assert asyncio.run(main()) == 42, BLOCKED


def test_a_ticker_keeps_ticking_while_lookup_waits(solution):
    async def main() -> int | None:
        answers: queue.Queue[int] = queue.Queue()

        async def ticker() -> None:
            for tick in range(1, 21):
                await asyncio.sleep(0.005)
                if tick == 20:
                    answers.put(tick)

        task = asyncio.create_task(ticker())
        got = await solution.lookup(answers)
        await task
        return got

    assert asyncio.run(main()) == 20, BLOCKED


class TimerCountingLoop(asyncio.SelectorEventLoop):
    """An event loop that counts the timers it is asked for: asyncio.sleep(d) with d > 0
    sets one, asyncio.to_thread sets none."""

    def __init__(self) -> None:
        super().__init__()
        self.timers = 0

    def call_at(self, when: float, callback: Callable[..., object], *args: Any, context=None):
        self.timers += 1
        return super().call_at(when, callback, *args, context=context)


def test_lookup_waits_for_the_answer_not_for_a_time(solution):
    # A sleep before the blocking call passes the tests above once it outlasts their
    # answers. Here the answer is put by a task that needs no timer: a lookup that leaves
    # the loop free gets it without one, and one that sleeps first, however long, sets one.
    async def main() -> int | None:
        answers: queue.Queue[int] = queue.Queue()

        async def answer() -> None:
            answers.put(7)

        task = asyncio.create_task(answer())
        got = await solution.lookup(answers)
        await task
        return got

    loop = TimerCountingLoop()
    try:
        got = loop.run_until_complete(main())
        loop.run_until_complete(loop.shutdown_default_executor())
    finally:
        loop.close()
    assert got == 7, BLOCKED
    assert loop.timers == 0, (
        "lookup slept before it asked: a sleep guesses when the answer comes, and every lookup "
        "pays for the guess. Run the blocking call with asyncio.to_thread and await it instead"
    )
