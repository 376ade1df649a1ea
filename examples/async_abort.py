# Task.cancel() cancels a task, as JoinHandle::abort does: CancelledError is raised
# inside it at its current await, and awaiting the task raises CancelledError too.

# ANCHOR: main
import asyncio
import itertools

SCALE = 0.05  # one second of the Rust program's paused clock


async def steps() -> None:
    try:
        for step in itertools.count(1):
            print(f"  step {step}")
            await asyncio.sleep(SCALE)
    finally:
        print("  cleanup ran")


async def main() -> None:
    task = asyncio.create_task(steps())
    await asyncio.sleep(2.5 * SCALE)  # steps 1, 2 and 3 have started
    task.cancel()
    try:
        await task
        print("the task finished")
    except asyncio.CancelledError:
        print(f"the task was cancelled: {str(task.cancelled()).lower()}")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
