# asyncio has no broadcast channel; this small one behaves like tokio's: every
# subscriber sees every message, but only the last `capacity` are kept for it.

# ANCHOR: main
import asyncio
from collections import deque


class Lagged(Exception):
    def __init__(self, missed: int) -> None:
        super().__init__(f"missed {missed}")
        self.missed = missed


class Closed(Exception):
    pass


class Broadcast:
    def __init__(self, capacity: int) -> None:
        self.kept: deque[tuple[int, str]] = deque(maxlen=capacity)  # (number, message)
        self.sent = 0
        self.closed = False
        self.changed = asyncio.Condition()

    async def send(self, message: str) -> None:
        async with self.changed:
            self.kept.append((self.sent, message))
            self.sent += 1
            self.changed.notify_all()

    async def close(self) -> None:
        async with self.changed:
            self.closed = True
            self.changed.notify_all()

    def subscribe(self) -> "Receiver":
        return Receiver(self)


class Receiver:
    def __init__(self, channel: Broadcast) -> None:
        self.channel = channel
        self.next = channel.sent  # sees only what is sent from now on

    async def recv(self) -> str:
        channel = self.channel
        async with channel.changed:
            await channel.changed.wait_for(lambda: channel.sent > self.next or channel.closed)
            if self.next == channel.sent:
                raise Closed
            oldest = channel.kept[0][0]
            if self.next < oldest:
                missed, self.next = oldest - self.next, oldest
                raise Lagged(missed)
            message = channel.kept[self.next - oldest][1]
            self.next += 1
            return message


async def main() -> None:
    channel = Broadcast(2)  # room for 2 unread messages
    prompt, slow = channel.subscribe(), channel.subscribe()

    for n in range(1, 6):
        await channel.send(f"news {n}")
        print(f"prompt got {await prompt.recv()}")
    await channel.close()

    while True:
        try:
            print(f"slow got {await slow.recv()}")
        except Lagged as lag:
            print(f"slow missed {lag.missed} messages")
        except Closed:
            break
    print("slow: channel closed")


if __name__ == "__main__":
    asyncio.run(main())
# ANCHOR_END: main
