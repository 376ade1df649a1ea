"""Tests of the Python version of `async_broadcast_chat` (solutions/async/
async_broadcast_chat.py): the cases of tests/async_broadcast_chat.rs, on a
small broadcast channel that behaves like tokio's."""

from __future__ import annotations

import asyncio
from collections import deque


class Lagged(Exception):
    def __init__(self, missed: int) -> None:
        super().__init__(f"missed {missed}")
        self.missed = missed


class Closed(Exception):
    pass


class Room:
    """A broadcast channel: every subscriber gets every message sent after it
    subscribed; only the last `capacity` are kept for a subscriber that lags.
    It closes when every sender is dropped (here: `drop_sender()` for each
    `add_sender()`, the one that made the room included)."""

    def __init__(self, capacity: int) -> None:
        self.kept: deque[tuple[int, str]] = deque(maxlen=capacity)
        self.sent = 0
        self.senders = 1
        self.changed = asyncio.Condition()

    async def send(self, message: str) -> None:
        async with self.changed:
            self.kept.append((self.sent, message))
            self.sent += 1
            self.changed.notify_all()

    def add_sender(self) -> None:
        self.senders += 1

    async def drop_sender(self) -> None:
        async with self.changed:
            self.senders -= 1
            self.changed.notify_all()

    def subscribe(self) -> Receiver:
        return Receiver(self)


class Receiver:
    Lagged = Lagged
    Closed = Closed

    def __init__(self, room: Room) -> None:
        self.room, self.next = room, room.sent

    async def recv(self) -> str:
        room = self.room
        async with room.changed:
            await room.changed.wait_for(lambda: room.sent > self.next or room.senders == 0)
            if self.next == room.sent:
                raise Closed
            oldest = room.kept[0][0]
            if self.next < oldest:
                missed, self.next = oldest - self.next, oldest
                raise Lagged(missed)
            self.next += 1
            return room.kept[self.next - 1 - oldest][1]


async def settle() -> None:
    """Lets every task run until it waits (a short sleep: each task's next step
    only needs the event loop, never the clock)."""
    for _ in range(10):
        await asyncio.sleep(0)


def said(*messages: str) -> list[tuple[str, str | int]]:
    return [("message", m) for m in messages]


def test_each_subscriber_hears_what_was_sent_after_it_joined_in_order(solution):
    async def scenario():
        room = Room(16)
        ann = asyncio.create_task(solution.listen(room.subscribe()))
        await room.send("hello")
        await settle()
        bob = asyncio.create_task(solution.listen(room.subscribe()))
        for message in ["hi bob", "how are you?", "fine"]:
            await room.send(message)
        await room.drop_sender()
        return await ann, await bob

    ann, bob = asyncio.run(asyncio.wait_for(scenario(), 10))
    assert ann == said("hello", "hi bob", "how are you?", "fine"), (
        "ann joined first: she must hear every message, in order"
    )
    assert bob == said("hi bob", "how are you?", "fine"), (
        'bob joined after "hello": he must hear every message after it, in order'
    )


def test_a_lagging_subscriber_is_told_how_many_it_missed_and_goes_on(solution):
    async def scenario():
        room = Room(2)
        carl = asyncio.create_task(solution.listen(room.subscribe()))
        await room.send("1")
        await settle()
        for n in range(2, 7):
            # Five at once: an uncontended asyncio lock does not yield, so carl
            # gets no chance to read in between.
            await room.send(str(n))
        await settle()
        await room.send("7")
        await room.drop_sender()
        return await carl

    carl = asyncio.run(asyncio.wait_for(scenario(), 10))
    assert carl == [("message", "1"), ("missed", 3), *said("5", "6", "7")], (
        'carl read "1", then missed "2" to "4" while 5 messages were sent at once: he must hear '
        "Missed(3) in their place, and then every later message"
    )


def test_a_closed_room_ends_listening_but_an_open_one_does_not(solution):
    async def scenario():
        room = Room(4)
        dora = asyncio.create_task(solution.listen(room.subscribe()))
        await settle()
        room.add_sender()
        await room.drop_sender()
        await settle()
        assert not dora.done(), (
            "listen returned while a sender was still open: it must wait for more messages"
        )
        await room.send("last")
        await room.drop_sender()
        return await asyncio.wait_for(dora, 5)

    dora = asyncio.run(asyncio.wait_for(scenario(), 10))
    assert dora == said("last"), "dora must hear the last message before the room closes"
