# asyncio.wait(..., return_when=FIRST_COMPLETED) waits for the first of several tasks,
# like tokio::select!, but leaves the others running: cancelling them is up to you.

# ANCHOR: main
import asyncio
import selectors
from typing import Any


async def work(name: str, secs: float) -> str:
    try:
        await asyncio.sleep(secs)
    except asyncio.CancelledError:
        print(f"  {name}: dropped before it finished")
        raise
    return name


async def main() -> None:
    print("race: fast (1 s) against slow (3 s)")
    fast = asyncio.create_task(work("fast", 1))
    slow = asyncio.create_task(work("slow", 3))
    done, pending = await asyncio.wait({fast, slow}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:  # select! does this for you
        task.cancel()
    await asyncio.wait(pending)
    print(f"winner: {done.pop().result()}")

    # The loop of the Rust program, on one queue: asyncio's Queue.get is also
    # safe to cancel (a cancelled get has taken no item).
    queue: asyncio.Queue[int | None] = asyncio.Queue()

    async def producer() -> None:
        for n in range(1, 4):
            await asyncio.sleep(0.4)
            await queue.put(n)
        await queue.put(None)  # a sentinel says "no more" (shutdown() is 3.13+; we run on 3.11+)

    sender = asyncio.create_task(producer())
    ticks = 0
    while True:
        try:
            message = await asyncio.wait_for(queue.get(), timeout=0.3)
        except TimeoutError:
            ticks += 1
            continue
        if message is None:
            break
        print(f"message {message} after {ticks} ticks")
    await sender
    print(f"channel closed after {ticks} ticks; no message was lost")


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
