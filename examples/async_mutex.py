# asyncio code rarely needs a lock for plain data: a task is only interrupted at an
# await. asyncio.Lock, like tokio's Mutex, is for a lock held across an await.

# ANCHOR: main
import asyncio


class Connection:
    """Stands for a connection that one task at a time may use, for a while."""

    def __init__(self) -> None:
        self.log: list[str] = []

    async def request(self, who: int) -> None:
        self.log.append(f"task {who} starts")
        await asyncio.sleep(0.01)  # waiting for the reply
        self.log.append(f"task {who} ends")


async def main() -> None:
    # 1. Plain data changed between awaits: no lock at all. On one thread,
    #    `hits += 1` cannot be interrupted by another task.
    hits = 0

    async def hit() -> None:
        nonlocal hits
        for _ in range(100):
            hits += 1
            await asyncio.sleep(0)  # let other tasks run, like yield_now

    await asyncio.gather(*(hit() for _ in range(10)))
    print(f"hits: {hits}")

    # 2. A lock held while awaiting: asyncio.Lock.
    connection, lock = Connection(), asyncio.Lock()

    async def use(who: int) -> None:
        async with lock:
            await connection.request(who)  # the lock is held across this await

    await asyncio.gather(*(use(who) for who in range(3)))
    log = connection.log
    pairs = zip(log[::2], log[1::2], strict=True)
    overlapping = any(start.replace("starts", "ends") != end for start, end in pairs)
    print(f"{len(log) // 2} requests, overlapping: {str(overlapping).lower()}")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
