# asyncio has no watch channel; a value plus an asyncio.Condition makes one: readers
# wait for a change and read the latest value, skipping any they missed.

# ANCHOR: main
import asyncio


class Watch:
    """One value, the latest, with a version number so readers see changes."""

    def __init__(self, value: str) -> None:
        self.value, self.version, self.closed = value, 0, False
        self.condition = asyncio.Condition()

    async def send(self, value: str) -> None:
        async with self.condition:
            self.value, self.version = value, self.version + 1
            self.condition.notify_all()

    async def close(self) -> None:
        async with self.condition:
            self.closed = True
            self.condition.notify_all()

    async def changed(self, seen: int) -> int | None:
        """Waits for a version newer than `seen` and returns it; None once closed."""
        async with self.condition:
            await self.condition.wait_for(lambda: self.version > seen or self.closed)
            return None if self.version == seen else self.version


async def main() -> None:
    status = Watch("starting")
    seen = asyncio.Event()  # the watcher says "I have looked"

    async def watcher(version: int | None) -> None:
        while (version := await status.changed(version)) is not None:
            print(f"watcher sees: {status.value}")
            seen.set()
        print("watcher: the sender is gone")

    # The version it has seen is taken now, as a Rust receiver is made with the channel.
    task = asyncio.create_task(watcher(status.version))
    await status.send("loading")
    await seen.wait()  # wait until the watcher has seen "loading"
    seen.clear()
    await status.send("50 %")
    await status.send("90 %")  # replaces "50 %" before the watcher looks
    await status.send("ready")
    print(f"main: the value is now {status.value}")
    await seen.wait()
    await status.close()
    await task


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
