# Async generators and `async for` are Python's async iterators: the same filtering
# and mapping as tokio-stream's adaptors, written as generators.

# ANCHOR: main
import asyncio
import time
from collections.abc import AsyncIterator, Iterable
from typing import TypeVar

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
    last = None
    async for item in items:
        if last is not None:
            await asyncio.sleep(max(0.0, last + period - time.monotonic()))
        last = time.monotonic()
        yield item


async def main() -> None:
    readings = [12, 47, 3, 51, 60, 8, 49]
    async for alarm in too_hot(stream_of(readings)):
        print(alarm)

    start = time.monotonic()
    async for message in throttle(stream_of(["ping", "ping", "ping"]), 0.05):
        print(f"{message} at {(time.monotonic() - start) * 1000:.0f} ms of real time")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
