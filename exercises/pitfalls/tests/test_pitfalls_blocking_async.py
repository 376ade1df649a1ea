"""Tests of the Python version of `pitfalls_blocking_async` (solutions/pitfalls/
pitfalls_blocking_async.py): the cases of tests/pitfalls_blocking_async.rs.
The answer is put by another task of the same event loop, so it comes only if
lookup leaves the loop free."""

import asyncio
import queue

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
