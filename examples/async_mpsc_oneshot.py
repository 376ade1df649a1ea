# asyncio.Queue does the work of tokio's mpsc channel. Its shutdown() is 3.13+ and this
# twin runs on 3.11+, so a sentinel says "no more". An asyncio.Future set by another
# task does the work of a oneshot.

# ANCHOR: main
import asyncio
from dataclasses import dataclass


@dataclass
class Add:
    n: int


@dataclass
class Total:
    reply: asyncio.Future[int]


STOP = None  # the sentinel: Python's stand-in for "every sender is gone"


async def counter(commands: asyncio.Queue[Add | Total | None]) -> None:
    total = 0
    while (command := await commands.get()) is not STOP:
        match command:
            case Add(n):
                total += n
            case Total(reply):
                reply.set_result(total)
    print(f"counter: every sender is gone, stopping at {total}")


async def main() -> None:
    # Bounded: `put` waits while 4 commands are queued (backpressure).
    commands: asyncio.Queue[Add | Total | None] = asyncio.Queue(maxsize=4)
    counter_task = asyncio.create_task(counter(commands))

    async def adder(worker: int) -> None:
        for _ in range(10):
            await commands.put(Add(worker))

    await asyncio.gather(*(adder(worker) for worker in range(1, 4)))

    reply: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    await commands.put(Total(reply))
    print(f"main: total is {await reply}")

    await commands.put(STOP)
    await counter_task


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
