# asyncio's two habits: leave a threading.Lock before any await, or use asyncio.Lock,
# which may be held across one (a threading.Lock held there blocks the whole loop).
import asyncio
import sys
import threading


class Total:
    def __init__(self) -> None:
        self.value = 0


# ANCHOR: scoped
async def add_and_log(total: Total, lock: threading.Lock) -> None:
    with lock:
        total.value += 1
        now = total.value
    # the lock is released here, before any await
    await asyncio.sleep(0.001)
    assert now >= 1


# ANCHOR_END: scoped


# ANCHOR: tokio_mutex
async def add_and_wait(total: Total, lock: asyncio.Lock) -> None:
    async with lock:  # an asyncio lock: waiting for it is an await
        total.value += 1
        await asyncio.sleep(0.001)


# ANCHOR_END: tokio_mutex


async def main() -> None:
    total, lock = Total(), threading.Lock()
    await asyncio.gather(*(add_and_log(total, lock) for _ in range(3)))
    sys.stdout.write(f"guard dropped before .await: total {total.value}\n")

    total2, alock = Total(), asyncio.Lock()
    await asyncio.gather(*(add_and_wait(total2, alock) for _ in range(3)))
    sys.stdout.write(f"tokio::sync::Mutex: total {total2.value}\n")


if __name__ == "__main__":
    asyncio.run(main())
