# asyncio.Semaphore limits how many tasks do something at once, like tokio's
# Semaphore: 6 downloads, at most 2 in flight, take 3 s, not 1 or 6.

# ANCHOR: main
import asyncio
import selectors
from typing import Any


async def main() -> None:
    permits = asyncio.Semaphore(2)
    in_flight = most_in_flight = 0
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def download() -> None:
        nonlocal in_flight, most_in_flight
        async with permits:  # released when the block ends, however it ends
            in_flight += 1
            most_in_flight = max(most_in_flight, in_flight)
            await asyncio.sleep(1)  # the download
            in_flight -= 1

    async with asyncio.TaskGroup() as group:
        for _ in range(6):
            group.create_task(download())
    elapsed = loop.time() - start
    print(f"6 downloads of 1 s, at most {most_in_flight} in flight, took {elapsed:g}s")


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
