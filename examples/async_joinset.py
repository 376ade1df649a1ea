# asyncio.TaskGroup owns a group of tasks; as_completed hands back each result as it
# finishes. Cancelling what is left is explicit, where dropping a JoinSet aborts it.

# ANCHOR: main
import asyncio
import selectors
from typing import Any


async def download(name: str, secs: int) -> str:
    await asyncio.sleep(secs)
    return f"{name} ({secs} s)"


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(download("big.iso", 3)),
            group.create_task(download("small.txt", 1)),
            group.create_task(download("medium.png", 2)),
        ]
        print(f"{len(tasks)} tasks running")
        for next_done in asyncio.as_completed(tasks):
            print(f"finished: {await next_done}")

    first_task = asyncio.create_task(download("first", 1))
    never = asyncio.create_task(download("never", 60))
    first = await first_task
    print(f"kept {first}, dropping the set with 1 task left")
    never.cancel()
    print("done: the 60 s download was aborted, not waited for")


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
