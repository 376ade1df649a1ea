# asyncio.TaskGroup stops at the first error and cancels the other tasks, as
# tokio::try_join! drops its other futures. (gather would let them run on.)

# ANCHOR: main
import asyncio
from collections.abc import Coroutine

TICK = 0.01  # one "second" of the Rust program


async def fetch(url: str, secs: int) -> str:
    try:
        await asyncio.sleep(secs * TICK)
    except asyncio.CancelledError:
        print(f"{url}: cancelled before it finished")
        raise
    if url.endswith("broken"):
        raise LookupError(f"{url}: 404")
    return f"{url}: 200"


async def try_join(*coroutines: Coroutine[None, None, str]) -> str:
    """Like tokio::try_join!: all the results, or the first error."""
    failure = None
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(c) for c in coroutines]
    except* LookupError as errors:
        failure = errors.exceptions[0]
    if failure is not None:
        return f'Err("{failure}")'
    # Written the way Rust's {:?} prints a tuple of strings.
    return "Ok((" + ", ".join(f'"{task.result()}"' for task in tasks) + "))"


async def main() -> None:
    all_ = await try_join(fetch("/home", 1), fetch("/docs", 2))
    print(f"both succeed: {all_}")

    all_ = await try_join(fetch("/home", 1), fetch("/broken", 2), fetch("/slow", 10))
    print(f"one fails:    {all_}")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
