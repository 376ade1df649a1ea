# A coroutine object is lazy like a Rust future: calling the `async def` runs none of
# its body. asyncio.create_task makes a task that runs even if nobody awaits it.

# ANCHOR: main
import asyncio


async def greet(name: str) -> str:
    print(f"  greet({name}) is running")
    return f"hello, {name}"


async def main() -> None:
    print('calling greet("awaited")')
    coroutine = greet("awaited")
    print("called it: nothing has run yet")
    text = await coroutine
    print(f"awaited it: {text}")

    print('calling greet("dropped"), then dropping the future')
    coroutine = greet("dropped")
    coroutine.close()  # without it, Python warns "coroutine ... was never awaited"
    print("dropped it: its body never ran")

    print("spawning a task, and not awaiting its handle")
    done: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    async def job() -> None:
        done.set_result(await greet("spawned"))

    # The event loop keeps only a weak reference to a task: keep this one.
    task = asyncio.create_task(job())
    print("spawned it: the task waits for main to reach an .await")
    text = await done
    print(f"the task ran anyway: {text}")
    await task


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
