# asyncio.TaskGroup stops at the first error and cancels the other tasks, as
# tokio::try_join! drops its other futures. (gather would let them run on.)

# ANCHOR: main
import asyncio
import selectors
from collections.abc import Coroutine
from typing import Any


async def fetch(url: str, secs: int) -> str:
    try:
        await asyncio.sleep(secs)
    except asyncio.CancelledError:
        print(f"{url}: cancelled before it finished")
        raise
    if url.endswith("broken"):
        raise LookupError(f"{url}: 404")
    return f"{url}: 200"


async def try_join(*coroutines: Coroutine[None, None, str]) -> str:
    """Like tokio::try_join!: all the results, or the first error."""
    failure = None
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(c) for c in coroutines]
    except* LookupError as errors:
        failure = errors.exceptions[0]
    if failure is not None:
        return f'Err("{failure}")'
    # Written the way Rust's {:?} prints a tuple of strings.
    return "Ok((" + ", ".join(f'"{task.result()}"' for task in tasks) + "))"


async def main() -> None:
    all_ = await try_join(fetch("/home", 1), fetch("/docs", 2))
    print(f"both succeed: {all_}")

    all_ = await try_join(fetch("/home", 1), fetch("/broken", 2), fetch("/slow", 10))
    print(f"one fails:    {all_}")


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
