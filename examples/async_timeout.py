# asyncio.wait_for and asyncio.timeout give a coroutine a time limit, like
# tokio::time::timeout: when time runs out it is cancelled and TimeoutError raised.

# ANCHOR: main
import asyncio

SCALE = 0.02  # one second of the Rust program's paused clock


async def lookup(name: str, secs: float) -> str:
    await asyncio.sleep(secs * SCALE)
    return f"{name} found"


async def main() -> None:
    limit = 2 * SCALE
    try:
        answer = await asyncio.wait_for(lookup("quick", 1), timeout=limit)
        print(f"quick: {answer}")
    except TimeoutError:
        print("quick: gave up after 2s")
    try:
        async with asyncio.timeout(limit):  # Python 3.11+: a limit for a whole block
            answer = await lookup("slow", 60)
        print(f"slow: {answer}")
    except TimeoutError:
        print("slow: gave up after 2s (deadline has elapsed)")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
