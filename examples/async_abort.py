# Task.cancel() cancels a task, as JoinHandle::abort does: CancelledError is raised
# inside it at its current await, and awaiting the task raises CancelledError too.

# ANCHOR: main
import asyncio
import itertools
import selectors
from typing import Any


async def steps() -> None:
    try:
        for step in itertools.count(1):
            print(f"  step {step}")
            await asyncio.sleep(1)
    finally:
        print("  cleanup ran")


async def main() -> None:
    task = asyncio.create_task(steps())
    await asyncio.sleep(2.5)  # steps 1, 2 and 3 have started
    task.cancel()
    try:
        await task
        print("the task finished")
    except asyncio.CancelledError:
        print(f"the task was cancelled: {str(task.cancelled()).lower()}")


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
