# asyncio.TaskGroup owns a group of tasks; as_completed hands back each result as it
# finishes. Cancelling what is left is explicit, where dropping a JoinSet aborts it.

# ANCHOR: main
import asyncio

TICK = 0.02  # one "second" of the Rust program


async def download(name: str, secs: int) -> str:
    await asyncio.sleep(secs * TICK)
    return f"{name} ({secs} s)"


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(download("big.iso", 3)),
            group.create_task(download("small.txt", 1)),
            group.create_task(download("medium.png", 2)),
        ]
        print(f"{len(tasks)} tasks running")
        for next_done in asyncio.as_completed(tasks):
            print(f"finished: {await next_done}")

    first_task = asyncio.create_task(download("first", 1))
    never = asyncio.create_task(download("never", 60))
    first = await first_task
    print(f"kept {first}, dropping the set with 1 task left")
    never.cancel()
    print("done: the 60 s download was aborted, not waited for")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
