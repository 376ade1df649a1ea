# asyncio.gather: three simulated downloads wait at the same time.
# Twin of intro_tokio_gather.rs.

# ANCHOR: main
import asyncio


async def fetch(url: str, latency_ms: int) -> str:
    """Pretend to download `url`; the sleep stands in for network latency."""
    await asyncio.sleep(latency_ms / 1000)
    return f"{url} answered after {latency_ms} ms"


async def fetch_all() -> None:
    # gather wraps each coroutine in a task, runs them concurrently on the event
    # loop and returns their results in the order they were passed in.
    home, docs, blog = await asyncio.gather(
        fetch("example.org/home", 50),
        fetch("example.org/docs", 30),
        fetch("example.org/blog", 40),
    )
    print(home)
    print(docs)
    print(blog)


def main() -> None:
    asyncio.run(fetch_all())


if __name__ == "__main__":
    main()
# ANCHOR_END: main
