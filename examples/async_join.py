# asyncio.gather runs coroutines concurrently: five one-second naps take one second,
# not five. The paused clock below (tokio's start_paused) makes the elapsed time exact.

# ANCHOR: main
import asyncio
import selectors
from typing import Any


async def nap(nap_id: int) -> int:
    await asyncio.sleep(1)
    return nap_id


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    ids = []
    for nap_id in range(1, 6):
        ids.append(await nap(nap_id))  # one after another
    print(f"awaited in turn: {ids} after {loop.time() - start:g}s")

    start = loop.time()
    ids = await asyncio.gather(nap(1), nap(2), nap(3), nap(4), nap(5))
    print(f"asyncio.gather:  {ids} after {loop.time() - start:g}s")


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
