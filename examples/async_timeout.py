# asyncio.wait_for and asyncio.timeout give a coroutine a time limit, like
# tokio::time::timeout: when time runs out it is cancelled and TimeoutError raised.

# ANCHOR: main
import asyncio
import selectors
from typing import Any


async def lookup(name: str, secs: float) -> str:
    await asyncio.sleep(secs)
    return f"{name} found"


async def main() -> None:
    limit = 2
    try:
        answer = await asyncio.wait_for(lookup("quick", 1), timeout=limit)
        print(f"quick: {answer}")
    except TimeoutError:
        print(f"quick: gave up after {limit}s")
    try:
        async with asyncio.timeout(limit):  # Python 3.11+: a limit for a whole block
            answer = await lookup("slow", 60)
        print(f"slow: {answer}")
    except TimeoutError:
        print(f"slow: gave up after {limit}s (deadline has elapsed)")


# ANCHOR_END: main


class PausedClock(asyncio.SelectorEventLoop):
    """tokio's paused clock (`start_paused = true`) for asyncio: time stands still,
    and when every task is waiting the clock jumps straight to the next timer.
    CPython's loop reads the time from `time()` and asks its selector to wait
    until the next timer; this loop's selector never sleeps, it moves the clock."""

    def __init__(self) -> None:
        self.now = 0.0
        clock = self

        class JumpingSelector(selectors.DefaultSelector):
            def select(self, timeout: float | None = None) -> list[tuple[Any, int]]:
                ready = super().select(None if timeout is None else 0)
                if not ready and timeout:
                    clock.now += timeout  # nothing else to do: jump to the timer
                return ready

        super().__init__(JumpingSelector())

    def time(self) -> float:
        return self.now


if __name__ == "__main__":
    # asyncio.run(main()) with the paused clock, as the Rust program's `start_paused`.
    with asyncio.Runner(loop_factory=PausedClock) as runner:
        runner.run(main())
