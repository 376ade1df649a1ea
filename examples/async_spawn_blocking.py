# asyncio.to_thread runs a blocking call on a worker thread, like tokio's
# spawn_blocking, so the event loop stays free for other tasks.

# ANCHOR: main
import asyncio
import queue
import sys
import threading


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def count_primes(below: int) -> int:
    """CPU-bound: on the event loop's thread it would stop every other task."""
    return sum(1 for n in range(2, below) if all(n % d for d in range(2, int(n**0.5) + 1)))


async def main() -> None:
    loop_thread = threading.get_ident()
    ticked: queue.Queue[None] = queue.Queue()  # the ticker tells the blocking job it has run

    def heavy() -> tuple[int, bool]:
        # A blocking wait for the ticker: on the event loop's thread it would
        # stop the ticker from ever running, and the program would hang.
        ticked.get()
        return count_primes(50_000), threading.get_ident() != loop_thread

    counting = asyncio.create_task(asyncio.to_thread(heavy))

    async def ticker() -> str:
        await asyncio.sleep(0.001)
        ticked.put(None)
        return "the ticker ran while the blocking job was busy"

    say(await ticker())
    primes, elsewhere = await counting
    say(f"primes below 50000: {primes}")
    say(f"counted on another thread: {str(elsewhere).lower()}")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
