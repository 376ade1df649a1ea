"""Exercise `async_broadcast_chat`, in Python: a chat subscriber that hears
every message sent after it joined, in order, and is told how many it missed
when it falls behind.

asyncio has no broadcast channel; the tests hand `listen` a small one, the
Python twin of tokio's (examples/async_broadcast_lag.py): its `recv()` returns
the next message, or raises `room.Lagged` (with `.missed`) or `room.Closed`."""

from __future__ import annotations

from typing import Any

Heard = tuple[str, str | int]  # ("message", text) or ("missed", how many)


async def listen(room: Any) -> list[Heard]:
    """Listens on `room` until it closes, and returns everything heard, in
    order, with ("missed", n) where n messages were lost to a lag."""
    heard: list[Heard] = []
    while True:
        try:
            heard.append(("message", await room.recv()))
        except room.Lagged as lag:
            # Still subscribed: the next recv() gives the oldest message kept.
            heard.append(("missed", lag.missed))
        except room.Closed:
            return heard
