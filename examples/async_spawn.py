# asyncio.create_task starts a task, as tokio::spawn does, and the task is the
# handle to await its result. Python has no ownership rule to satisfy.

# ANCHOR: main
import asyncio


async def word_count(name: str, text: str) -> str:
    await asyncio.sleep(0.01)
    return f"{name}: {len(text.split())} words"


async def main() -> None:
    documents = [
        ("intro.txt", "threads and tasks"),
        ("async.txt", "futures do nothing until polled"),
        ("end.txt", "done"),
    ]
    tasks = [asyncio.create_task(word_count(name, text)) for name, text in documents]
    # Awaiting the tasks in order gives the results in order.
    for task in tasks:
        print(await task)

    async def give_up() -> None:
        raise RuntimeError("the task gave up")

    try:
        await asyncio.create_task(give_up())
        print("the task finished")
    except RuntimeError:
        # Awaiting a task re-raises its exception; Rust hands back a JoinError.
        print("the task panicked: true")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
