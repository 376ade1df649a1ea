# A blocking call inside a coroutine (time.sleep, queue.get) stops every task of the event
# loop: a ticker task counts its ticks to show it. asyncio.sleep and to_thread are the fixes.
import asyncio
import queue
import sys
import time


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


class Ticker:
    """A task that ticks every 5 ms, counts its ticks, and puts on `signal` at its 5th."""

    def __init__(self) -> None:
        self.ticks = 0
        self.signal: queue.Queue[None] = queue.Queue()

    async def run(self) -> None:
        while True:
            self.ticks += 1
            if self.ticks == 5:
                self.signal.put(None)
            await asyncio.sleep(0.005)


async def main() -> None:
    ticker = Ticker()
    task = asyncio.create_task(ticker.run())
    await asyncio.sleep(0)  # let the ticker start

    # ANCHOR: sleep
    before = ticker.ticks
    time.sleep(0.05)  # blocks the event loop's only thread
    say(f"time.sleep(0.05): the ticker ticked {ticker.ticks - before} times meanwhile")

    before = ticker.ticks
    await asyncio.sleep(0.05)  # gives the loop back
    during = str(ticker.ticks - before > 0).lower()
    say(f"asyncio.sleep(0.05): the ticker ticked meanwhile: {during}")
    # ANCHOR_END: sleep

    # ANCHOR: blocking
    ticker.ticks = 0
    while not ticker.signal.empty():
        ticker.signal.get()  # forget the signal of the ticks so far
    before = ticker.ticks
    try:
        ticker.signal.get(timeout=0.5)  # on the loop's thread: the ticker never runs
        result = "got it"
    except queue.Empty:
        result = "queue.Empty"
    during = ticker.ticks - before
    say(f"blocking get on the loop's thread: {result} after 500 ms, {during} ticks meanwhile")

    ticker.ticks = 0
    await asyncio.to_thread(ticker.signal.get, timeout=5)  # on a worker thread
    say("blocking get in asyncio.to_thread: got it, the ticker put it at its 5th tick")
    # ANCHOR_END: blocking
    task.cancel()


if __name__ == "__main__":
    asyncio.run(main())
