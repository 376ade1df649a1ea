# An async generator that reads a queue until a sentinel gives `async for` over
# channel messages, as ReceiverStream does in Rust.

# ANCHOR: main
import asyncio
from collections.abc import AsyncIterator

DONE = None  # a sentinel marks the end: Queue.shutdown() is 3.13+, this twin runs on 3.11+


async def messages(queue: asyncio.Queue[str | None]) -> AsyncIterator[str]:
    while (line := await queue.get()) is not DONE:
        yield line


async def pages(lines: AsyncIterator[str]) -> AsyncIterator[str]:
    async for line in lines:
        if line.startswith("GET ") and line != "GET /health":
            yield line.replace("GET ", "page ", 1)


async def main() -> None:
    queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=4)

    async def producer() -> None:
        for line in ["GET /", "GET /health", "POST /login", "GET /about"]:
            await queue.put(line)
        await queue.put(DONE)

    task = asyncio.create_task(producer())
    async for page in pages(messages(queue)):
        print(page)
    await task
    print("the producer is done and the stream has ended")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
