# asyncio.to_thread runs a blocking call on a worker thread, like tokio's
# spawn_blocking, so the event loop stays free for other tasks.

# ANCHOR: main
import asyncio
import threading


def count_primes(below: int) -> int:
    """CPU-bound: on the event loop's thread it would stop every other task."""
    return sum(1 for n in range(2, below) if all(n % d for d in range(2, int(n**0.5) + 1)))


async def main() -> None:
    loop_thread = threading.get_ident()

    def heavy() -> tuple[int, bool]:
        return count_primes(200_000), threading.get_ident() != loop_thread

    counting = asyncio.create_task(asyncio.to_thread(heavy))

    async def ticker() -> str:
        await asyncio.sleep(0.001)
        return "the ticker ran"

    print(await ticker())
    primes, elsewhere = await counting
    print(f"primes below 200000: {primes}")
    print(f"counted on another thread: {str(elsewhere).lower()}")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
