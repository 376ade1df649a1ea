# Async generators and `async for` are Python's async iterators: the same filtering
# and mapping as tokio-stream's adaptors, written as generators.

# ANCHOR: main
import asyncio
import selectors
from collections.abc import AsyncIterator, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


async def stream_of(items: Iterable[T]) -> AsyncIterator[T]:
    """The counterpart of stream::iter: an async iterator over a collection."""
    for item in items:
        yield item


async def too_hot(readings: AsyncIterator[int]) -> AsyncIterator[str]:
    async for celsius in readings:
        if celsius > 45:
            yield f"{celsius} °C is too hot"


async def throttle(items: AsyncIterator[str], period: float) -> AsyncIterator[str]:
    """At most one item per period: the first at once, the next a period later."""
    loop = asyncio.get_running_loop()
    last = None
    async for item in items:
        if last is not None:
            await asyncio.sleep(max(0.0, last + period - loop.time()))
        last = loop.time()
        yield item


async def main() -> None:
    readings = [12, 47, 3, 51, 60, 8, 49]
    async for alarm in too_hot(stream_of(readings)):
        print(alarm)

    loop = asyncio.get_running_loop()
    start = loop.time()
    async for message in throttle(stream_of(["ping", "ping", "ping"]), 0.5):
        print(f"{message} at {(loop.time() - start) * 1000:.0f} ms")


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
